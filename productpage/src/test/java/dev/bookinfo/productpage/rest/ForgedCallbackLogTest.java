package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.common.testing.LogCapture;
import dev.bookinfo.productpage.testing.OidcProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * A callback anybody can make up is the visitor's mistake: a 401 and a WARN line, never an ERROR. In-process only
 * (it listens to the application's logger), so not part of {@code OidcSignInIT}.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class ForgedCallbackLogTest {

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
}
