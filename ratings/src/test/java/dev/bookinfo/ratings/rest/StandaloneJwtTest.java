package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;

import dev.bookinfo.ratings.support.JwtIssuer;
import dev.bookinfo.ratings.support.StandaloneJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN 5, {@code JWT_MODE=standalone}: ratings verifies the caller's access token itself. */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class StandaloneJwtTest {

    static final String DEFAULT_RATINGS = "{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}";
    static final String MISSING = "{\"error\":\"please provide a bearer access token\"}";
    static final String INVALID = "{\"error\":\"invalid access token\"}";

    @Test
    void answersWithAValidToken() {
        given().auth().oauth2(JwtIssuer.validToken()).get("/ratings/0")
                .then().statusCode(200)
                .header("Content-type", "application/json")
                .body(is(DEFAULT_RATINGS));
    }

    @Test
    void postsWithAValidToken() {
        given().auth().oauth2(JwtIssuer.validToken()).contentType("application/json")
                .body("{\"Reviewer1\":1}").post("/ratings/4242")
                .then().statusCode(200)
                .header("Content-type", "application/json")
                .body(is("{\"id\":4242,\"ratings\":{\"Reviewer1\":1}}"));
    }

    @Test
    void rejectsARequestWithoutToken() {
        given().get("/ratings/0")
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer")
                .body(is(MISSING));
    }

    @Test
    void rejectsAPostWithoutToken() {
        given().contentType("application/json").body("{\"Reviewer1\":1}").post("/ratings/4243")
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .body(is(MISSING));
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
        given().auth().oauth2(token.get()).get("/ratings/0")
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body(is(INVALID));
    }

    @Test
    void upstreamHealthNeedsNoToken() {
        given().get("/health")
                .then().statusCode(200)
                .body(is("{\"status\":\"Ratings is healthy\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/health/live", "/q/health/ready"})
    void kubernetesProbesNeedNoToken(String path) {
        given().get(path)
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8");
    }

    @Test
    void unroutedPathsAreStillAnEmpty404() {
        given().get("/ratings")
                .then().statusCode(404)
                .body(is(emptyString()));
    }
}
