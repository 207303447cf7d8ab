package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.testing.OidcProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger mechanism = Logger.getLogger("io.quarkus.oidc.runtime.CodeAuthenticationMechanism");
        mechanism.addHandler(capture);
        try {
            // A state cookie of another sign-in (or none that decrypts) with a made-up code.
            given().redirects()
                    .follow(false)
                    .cookie("q_auth_made-up", "not-encrypted")
                    .when()
                    .get("/callback?code=made-up&state=made-up")
                    .then()
                    .statusCode(401);
        } finally {
            mechanism.removeHandler(capture);
        }
        assertFalse(records.isEmpty(), "Quarkus OIDC says why the sign-in failed");
        for (LogRecord record : records) {
            assertTrue(
                    record.getLevel().intValue() <= Level.WARNING.intValue(),
                    record.getLevel() + " " + record.getMessage());
        }
    }
}
