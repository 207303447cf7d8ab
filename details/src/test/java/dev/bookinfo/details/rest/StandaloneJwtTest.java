package dev.bookinfo.details.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.bookinfo.details.support.JwtIssuer;
import dev.bookinfo.details.support.StandaloneJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** DESIGN 5, {@code JWT_MODE=standalone}: details verifies the caller's access token itself. */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class StandaloneJwtTest {

    static final String MISSING = "{\"error\":\"please provide a bearer access token\"}";
    static final String INVALID = "{\"error\":\"invalid access token\"}";

    @Test
    void answersWithAValidToken() {
        given().auth().oauth2(JwtIssuer.validToken()).get("/details/0")
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.book("0")));
    }

    @Test
    void stillRejectsABadIdWithAValidToken() {
        given().auth().oauth2(JwtIssuer.validToken()).get("/details/abc")
                .then().statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.NOT_NUMERIC));
    }

    @Test
    void rejectsARequestWithoutToken() {
        given().get("/details/0")
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer")
                .body(is(MISSING));
    }

    @Test
    void rejectsAnAuthorizationHeaderThatIsNoBearerToken() {
        given().header("Authorization", "Basic amFzb246cGFzc3dvcmQ=").get("/details/0")
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
        given().auth().oauth2(token.get()).get("/details/0")
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body(is(INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/health", "/health/live" })
    void upstreamHealthNeedsNoToken(String path) {
        given().get(path)
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HealthResourceTest.HEALTHY));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/q/health/live", "/q/health/ready" })
    void kubernetesProbesNeedNoToken(String path) {
        given().get(path)
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8");
    }

    @Test
    void unknownPathsAreStill404() {
        given().get("/detailsfoo")
                .then().statusCode(404);
    }
}
