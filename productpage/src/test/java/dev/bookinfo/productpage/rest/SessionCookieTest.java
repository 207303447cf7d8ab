package dev.bookinfo.productpage.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.config.ProductPageConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The signed {@code session} cookie: round trip, attributes, expiry, and rejection of anything forged. */
class SessionCookieTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static SessionCookie at(String secret, Duration maxAge, Instant now) {
        return new SessionCookie(
                new ProductPageConfig() {
                    @Override
                    public int floodFactor() {
                        return 0;
                    }

                    @Override
                    public Optional<String> publicUrl() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<List<String>> trustedProxies() {
                        return Optional.empty();
                    }

                    @Override
                    public Session session() {
                        return new Session() {
                            @Override
                            public String secret() {
                                return secret;
                            }

                            @Override
                            public Duration maxAge() {
                                return maxAge;
                            }
                        };
                    }
                },
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SessionCookie withSecret(String secret) {
        return at(secret, Duration.ofHours(8), NOW);
    }

    private static String value(String setCookie) {
        return setCookie.substring("session=".length(), setCookie.indexOf(';'));
    }

    private final SessionCookie sessions = withSecret("k1");

    @Test
    void signedInUserRoundTrips() {
        String setCookie = sessions.signIn("jason", false);
        assertTrue(setCookie.endsWith("; Max-Age=28800; Path=/; HttpOnly; SameSite=Lax"), setCookie);
        assertTrue(setCookie.startsWith("session=v2.amFzb24." + NOW.getEpochSecond() + "."), setCookie);
        assertEquals(Optional.of("jason"), sessions.user(value(setCookie)));
    }

    @Test
    void overTlsTheCookieIsSecure() {
        assertTrue(sessions.signIn("jason", true).endsWith("; HttpOnly; SameSite=Lax; Secure"));
        assertTrue(sessions.signOut(true).endsWith("; HttpOnly; SameSite=Lax; Secure"));
    }

    @Test
    void anyNameRoundTrips() {
        String name = "Zoë <script>; \"quoted\" = ok ✓";
        assertEquals(Optional.of(name), sessions.user(value(sessions.signIn(name, false))));
    }

    @Test
    void anotherReplicaWithTheSameKeyAcceptsTheCookie() {
        assertEquals(Optional.of("jason"), withSecret("k1").user(value(sessions.signIn("jason", false))));
    }

    @Test
    void aDifferentKeyRejectsTheCookie() {
        assertEquals(Optional.empty(), withSecret("k2").user(value(sessions.signIn("jason", false))));
    }

    @Test
    void theCookieExpiresAfterTheMaxAge() {
        String cookie = value(sessions.signIn("jason", false));
        assertEquals(
                Optional.of("jason"),
                at("k1", Duration.ofHours(8), NOW.plusSeconds(8 * 3600 - 1)).user(cookie));
        assertEquals(
                Optional.empty(),
                at("k1", Duration.ofHours(8), NOW.plusSeconds(8 * 3600)).user(cookie));
        assertEquals(
                Optional.empty(),
                at("k1", Duration.ofMinutes(30), NOW.plusSeconds(1800)).user(cookie));
    }

    @Test
    void aCookieFromTheFutureCountsAsSignedOut() {
        String cookie = value(sessions.signIn("jason", false));
        assertEquals(
                Optional.of("jason"),
                at("k1", Duration.ofHours(8), NOW.minusSeconds(30)).user(cookie),
                "a little clock skew between replicas");
        assertEquals(
                Optional.empty(),
                at("k1", Duration.ofHours(8), NOW.minusSeconds(31)).user(cookie));
    }

    @Test
    void aNonPositiveMaxAgeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> at("k1", Duration.ZERO, NOW));
    }

    @Test
    void signOutExpiresTheCookie() {
        assertEquals(
                "session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax",
                sessions.signOut(false));
    }

    @Test
    void forgedOrBrokenValuesAreRejected() {
        String valid = value(sessions.signIn("jason", false));
        String signature = valid.substring(valid.lastIndexOf('.'));
        String issued = "." + NOW.getEpochSecond();
        assertEquals(Optional.empty(), sessions.user("v2.YWRtaW4" + issued + signature), "another name");
        assertEquals(
                Optional.empty(),
                sessions.user("v2.amFzb24." + (NOW.getEpochSecond() + 1) + signature),
                "another time");
        assertEquals(Optional.empty(), sessions.user(valid + "x"));
        assertEquals(Optional.empty(), sessions.user(valid.replace("v2.", "v1.")));
        assertEquals(Optional.empty(), sessions.user("v1.amFzb24" + signature), "the old format never expired");
        assertEquals(Optional.empty(), sessions.user(""));
        assertEquals(Optional.empty(), sessions.user(null));
        assertEquals(Optional.empty(), sessions.user("v2.%%%.%%%.%%%"));
        assertEquals(Optional.empty(), sessions.user("v2.amFzb24.x" + signature));
        assertEquals(Optional.empty(), sessions.user("v2." + signature));
        assertEquals(Optional.empty(), sessions.user("v2.."));
    }
}
