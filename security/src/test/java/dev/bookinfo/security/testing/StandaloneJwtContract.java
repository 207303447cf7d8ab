package dev.bookinfo.security.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN 5, {@code JWT_MODE=standalone}, what every service promises whatever its API: no token, or a bad one, gets
 * 401 with a JSON error body and a {@code WWW-Authenticate} challenge, and Kubernetes' probes need none. A service's
 * {@code @QuarkusTest} (in standalone mode, e.g. with {@link StandaloneJwtProfile}) extends this with one of its
 * protected paths and adds what a valid token gets there, which only it knows.
 */
public abstract class StandaloneJwtContract {

    public static final String MISSING = "{\"error\":\"please provide a bearer access token\"}";
    public static final String INVALID = "{\"error\":\"invalid access token\"}";

    private final String protectedPath;

    /** @param protectedPath a GET path of the service's API, such as {@code /details/0} */
    protected StandaloneJwtContract(String protectedPath) {
        this.protectedPath = protectedPath;
    }

    @Test
    void rejectsARequestWithoutToken() {
        given().get(protectedPath)
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer")
                .body(is(MISSING));
    }

    @Test
    void rejectsAnAuthorizationHeaderThatIsNoBearerToken() {
        given().header("Authorization", "Basic amFzb246cGFzc3dvcmQ=").get(protectedPath)
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
        given().auth().oauth2(token.get()).get(protectedPath)
                .then().statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body(is(INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/q/health/live", "/q/health/ready" })
    void kubernetesProbesNeedNoToken(String path) {
        given().get(path)
                .then().statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8");
    }
}
