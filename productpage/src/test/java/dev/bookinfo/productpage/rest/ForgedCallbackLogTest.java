package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.bookinfo.common.testing.LogCapture;
import dev.bookinfo.productpage.testing.InjectOidcProvider;
import dev.bookinfo.productpage.testing.OidcProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A callback anybody can make up is the visitor's mistake: a 401 and a WARN line, never an ERROR. That holds for a
 * code the provider refuses too ({@code invalid_grant}: made up, expired, or replayed with a valid state cookie),
 * while a refusal that only the operator can fix (a wrong client secret) stays an ERROR. In-process only (it listens
 * to the application's loggers), so not part of {@code OidcSignInIT}.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ForgedCallbackLogTest {

    private static final String OIDC_LOGS = "io.quarkus.oidc";
    private static final Pattern STATE = Pattern.compile("[?&]state=([^&]+)");

    @InjectOidcProvider
    WireMockServer provider;

    @Test
    void aForgedCallbackIsA401AndAWarningNotAnError() {
        LogCapture log = LogCapture.of("io.quarkus.oidc.runtime.CodeAuthenticationMechanism");
        try (log) {
            // A state cookie of another sign-in (or none that decrypts) with a made-up code.
            given().redirects()
                    .follow(false)
                    .cookie("q_auth_made-up", "not-encrypted")
                    .when()
                    .get("/callback?code=made-up&state=made-up")
                    .then()
                    .statusCode(401);
        }
        assertFalse(log.records().isEmpty(), "Quarkus OIDC says why the sign-in failed");
        for (LogRecord record : log.records()) {
            assertTrue(
                    record.getLevel().intValue() <= Level.WARNING.intValue(),
                    record.getLevel() + " " + record.getMessage());
        }
    }

    /**
     * A fresh state cookie from {@code /login} and any code reach the provider's token endpoint, which refuses the
     * code as Auth0 does (403, {@code invalid_grant}); the same callback replayed gets the same. Each is one WARN line.
     */
    @Test
    void aCodeTheProviderRefusesIsOneWarningPerCallbackNotAnError() {
        LogCapture log = signInRefused(
                "refused-code",
                403,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid authorization code\"}",
                2);
        provider.verify(
                2, postRequestedFor(urlEqualTo("/oauth/token")).withRequestBody(containing("code=refused-code")));
        assertEquals(List.of(), log.linesAtLeast(Level.SEVERE), "no ERROR");
        List<String> warnings = log.linesAtLeast(Level.WARNING);
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.getFirst().contains("invalid_grant"), warnings::toString);
    }

    /** A wrong client secret fails every sign-in: the operator must fix it, so it stays an ERROR. */
    @Test
    void aWrongClientSecretIsAnError() {
        LogCapture log = signInRefused(
                "code-for-a-wrong-secret",
                401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}",
                1);
        List<String> errors = log.linesAtLeast(Level.SEVERE);
        assertFalse(errors.isEmpty(), "an ERROR for the operator");
        assertTrue(errors.stream().anyMatch(error -> error.contains("invalid_client")), errors::toString);
    }

    /**
     * What Quarkus OIDC logs while the token endpoint refuses {@code code} with {@code status} and {@code errorBody}
     * and a visitor comes back to {@code /callback} with it {@code callbacks} times (each a 401), from one sign-in.
     */
    private LogCapture signInRefused(String code, int status, String errorBody, int callbacks) {
        StubMapping refusing = provider.stubFor(post("/oauth/token")
                .withRequestBody(containing("code=" + code))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(errorBody)));
        LogCapture log = LogCapture.of(OIDC_LOGS);
        try (log) {
            Response login = given().redirects().follow(false).when().get("/login");
            for (int i = 0; i < callbacks; i++) {
                callback(login, code).then().statusCode(401);
            }
        } finally {
            provider.removeStub(refusing);
        }
        return log;
    }

    /** The provider's redirect back to {@code /callback} after the sign-in that {@code login} started. */
    private static Response callback(Response login, String code) {
        Matcher state = STATE.matcher(login.header("Location"));
        assertTrue(state.find(), login.header("Location"));
        return given().redirects()
                .follow(false)
                .cookies(login.detailedCookies())
                .queryParam("code", code)
                .queryParam("state", URLDecoder.decode(state.group(1), StandardCharsets.UTF_8))
                .when()
                .get("/callback");
    }
}
