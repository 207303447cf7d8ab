package dev.bookinfo.productpage.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.config.ProductpageConfig;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signed {@code session} cookie: round trip, attributes, and rejection of anything forged. */
class SessionCookieTest {

    private static SessionCookie withSecret(String secret) {
        return new SessionCookie(new ProductpageConfig() {
            @Override
            public int floodFactor() {
                return 0;
            }

            @Override
            public Session session() {
                return () -> secret;
            }
        });
    }

    private static String value(String setCookie) {
        return setCookie.substring("session=".length(), setCookie.indexOf(';'));
    }

    private final SessionCookie sessions = withSecret("k1");

    @Test
    void signedInUserRoundTrips() {
        String setCookie = sessions.signIn("jason");
        assertTrue(setCookie.endsWith("; Path=/; HttpOnly; SameSite=Lax"), setCookie);
        assertEquals(Optional.of("jason"), sessions.user(value(setCookie)));
    }

    @Test
    void anyNameRoundTrips() {
        String name = "Zoë <script>; \"quoted\" = ok ✓";
        assertEquals(Optional.of(name), sessions.user(value(sessions.signIn(name))));
    }

    @Test
    void anotherReplicaWithTheSameKeyAcceptsTheCookie() {
        assertEquals(Optional.of("jason"), withSecret("k1").user(value(sessions.signIn("jason"))));
    }

    @Test
    void aDifferentKeyRejectsTheCookie() {
        assertEquals(Optional.empty(), withSecret("k2").user(value(sessions.signIn("jason"))));
    }

    @Test
    void signOutExpiresTheCookie() {
        assertEquals("session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
                sessions.signOut());
    }

    @Test
    void forgedOrBrokenValuesAreRejected() {
        String valid = value(sessions.signIn("jason"));
        String signature = valid.substring(valid.lastIndexOf('.'));
        assertEquals(Optional.empty(), sessions.user("v1.YWRtaW4" + signature));
        assertEquals(Optional.empty(), sessions.user(valid + "x"));
        assertEquals(Optional.empty(), sessions.user(valid.replace("v1.", "v2.")));
        assertEquals(Optional.empty(), sessions.user(""));
        assertEquals(Optional.empty(), sessions.user(null));
        assertEquals(Optional.empty(), sessions.user("v1.%%%.%%%"));
    }
}
