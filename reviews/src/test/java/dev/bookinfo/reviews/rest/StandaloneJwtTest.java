package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.reviews.support.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.support.ExpectedBodies.stars;
import static dev.bookinfo.reviews.support.ExpectedBodies.withRatings;
import static dev.bookinfo.reviews.support.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.bookinfo.reviews.support.InjectRatings;
import dev.bookinfo.reviews.support.JwtIssuer;
import dev.bookinfo.reviews.support.Profiles;
import dev.bookinfo.reviews.support.StandaloneJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * DESIGN 5, {@code JWT_MODE=standalone}: reviews verifies the caller's access token itself, and forwards it to
 * ratings (which, in standalone mode, checks it again).
 */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class StandaloneJwtTest {

    static final String MISSING = "{\"error\":\"please provide a bearer access token\"}";
    static final String INVALID = "{\"error\":\"invalid access token\"}";

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
        ratings.stubFor(get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
    }

    @Test
    void answersWithAValidTokenAndForwardsItToRatings() {
        String token = JwtIssuer.validToken();
        given().auth().oauth2(token).get("/reviews/0")
                .then().statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("0", Profiles.V2.HOSTNAME, "null", stars(5, "black"), stars(4, "black"))));

        List<LoggedRequest> requests = ratings.findAll(getRequestedFor(urlEqualTo("/ratings/0")));
        assertEquals(1, requests.size(), "ratings requests");
        assertEquals(List.of("Bearer " + token), requests.get(0).getHeaders().getHeader("Authorization").values());
    }

    @Test
    void rejectsARequestWithoutTokenAndDoesNotCallRatings() {
        given().get("/reviews/0")
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer")
                .body(is(MISSING));
        assertEquals(0, ratings.findAll(getRequestedFor(urlEqualTo("/ratings/0"))).size(), "ratings requests");
    }

    static Stream<Arguments> forgedTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) JwtIssuer::expiredToken),
                Arguments.of("wrong issuer", (Supplier<String>) JwtIssuer::tokenOfAnotherIssuer),
                Arguments.of("wrong audience", (Supplier<String>) JwtIssuer::tokenForAnotherAudience),
                Arguments.of("bad signature", (Supplier<String>) JwtIssuer::tokenWithABadSignature),
                Arguments.of("alg none", (Supplier<String>) JwtIssuer::unsignedToken),
                Arguments.of("another realm", (Supplier<String>) JwtIssuer::tokenOfAnotherRealm),
                Arguments.of("not a JWT", (Supplier<String>) () -> "not-a-jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void rejectsABadToken(String name, Supplier<String> token) {
        given().auth().oauth2(token.get()).get("/reviews/0")
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body(is(INVALID));
    }

    @Test
    void upstreamHealthNeedsNoToken() {
        given().get("/health")
                .then().statusCode(200)
                .body(is("{\"status\": \"Reviews is healthy\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/q/health/live", "/q/health/ready" })
    void kubernetesProbesNeedNoToken(String path) {
        given().get(path)
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8");
    }
}
