package dev.bookinfo.security.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code JWT_MODE=standalone} (SECURITY.md#what-each-layer-checks), what every service promises whatever its API: no
 * token, or a bad one, gets 401 with a JSON error body and a {@code WWW-Authenticate} challenge, and Kubernetes' probes
 * need none. A service's {@code @QuarkusTest} (in standalone mode, e.g. with {@link StandaloneJwtProfile}) extends this
 * with one of its protected paths and adds what a valid token gets there, which only it knows.
 */
public abstract class StandaloneJwtContract {

    public static final String MISSING = "{\"error\":\"please provide a bearer access token\"}";
    public static final String INVALID = "{\"error\":\"invalid access token\"}";

    private final String protectedPath;
    private final String protectedContent;

    /**
     * @param protectedPath a GET path of the service's API, such as {@code /details/0}: a resource and one id
     * @param protectedContent text that every answer of {@code protectedPath} carries and no open answer does,
     *        such as {@code "ISBN-10"} in a book
     */
    protected StandaloneJwtContract(String protectedPath, String protectedContent) {
        this.protectedPath = protectedPath;
        this.protectedContent = protectedContent;
    }

    @Test
    void rejectsARequestWithoutToken() {
        given().get(protectedPath)
                .then()
                .statusCode(401)
                .header("Content-Type", "application/json")
                .header("X-Content-Type-Options", "nosniff")
                .header("WWW-Authenticate", "Bearer")
                .body(is(MISSING));
    }

    @Test
    void rejectsAnAuthorizationHeaderThatIsNoBearerToken() {
        given().header("Authorization", "Basic amFzb246cGFzc3dvcmQ=")
                .get(protectedPath)
                .then()
                .statusCode(401)
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
        given().auth()
                .oauth2(token.get())
                .get(protectedPath)
                .then()
                .statusCode(401)
                .header("Content-Type", "application/json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body(is(INVALID));
    }

    /**
     * The access decision follows the resource the router matched, not the raw path: no spelling of a request for
     * the protected path gets its content without a token, and none gets a server error. A spelling may still be
     * answered by an open resource ({@code /health/..%2fdetails/0} is a request for upstream's {@code /health/*}).
     */
    @TestFactory
    Stream<DynamicTest> noSpellingOfTheProtectedPathAnswersWithoutToken() {
        return PathSpellings.of(protectedPath).stream()
                .map(target -> DynamicTest.dynamicTest("GET " + target, () -> {
                    RawRequest.Answer answer = RawRequest.get(target);
                    String seen = "GET " + target + " answered:\n" + answer.head() + "\n\n" + answer.body();
                    assertTrue(answer.status() > 0, seen);
                    assertTrue(answer.status() < 500, seen);
                    assertFalse(answer.status() < 300 && answer.body().contains(protectedContent), seen);
                }));
    }

    /** Without this, a wrong {@code protectedContent} would let every spelling pass. */
    @Test
    void theProtectedContentIsWhatTheProtectedPathServesWithAToken() {
        RawRequest.Answer answer = RawRequest.get(protectedPath, JwtIssuer.validToken());
        assertTrue(
                answer.status() == 200 && answer.body().contains(protectedContent),
                () -> protectedContent + " expected in:\n" + answer);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/health/live", "/q/health/ready"})
    void kubernetesProbesNeedNoToken(String path) {
        given().get(path).then().statusCode(200).header("Content-Type", "application/json; charset=UTF-8");
    }
}
