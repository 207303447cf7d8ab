package dev.bookinfo.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which resources stay open in standalone mode (the spellings of paths are tested against each service, see
 * {@code StandaloneJwtContract}), and the one-line reason logged for a refused token, which never contains
 * the token.
 */
class AccessTokenFilterTest {

    @PublicEndpoint
    static class Health {}

    static class Details {}

    @Test
    void resourcesMarkedPublicAreOpen() {
        assertTrue(AccessTokenFilter.isPublic(Health.class));
    }

    @Test
    void unmarkedResourcesAreProtected() {
        assertFalse(AccessTokenFilter.isPublic(Details.class));
    }

    @Test
    void replacesTheTokenInTheReason() {
        assertEquals(
                "IllegalArgumentException: Unable to process JOSE object: <token>",
                AccessTokenFilter.reason(
                        new IllegalArgumentException("Unable to process JOSE object: opaque-4f2a9c"), "opaque-4f2a9c"));
    }

    @Test
    void cutsQuotedJwsAndClaims() {
        assertEquals(
                "IllegalStateException: Invalid JWS Signature: ...",
                AccessTokenFilter.reason(
                        new IllegalStateException(
                                "Invalid JWS Signature: JsonWebSignature{\"alg\"}" + "->eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
                        null));
    }

    @Test
    void escapesAndCutsTheClientsTextInTheReason() {
        String forged = "\u001b[31mRED\r\n2026-12-06 23:00:00,000 ERROR [io.quarkus] (main) FORGED\u009b2J";
        String reason = AccessTokenFilter.reason(
                new IllegalStateException("Issuer (iss) claim value (" + forged.repeat(20) + ") doesn't match"), null);
        assertTrue(
                reason.startsWith("IllegalStateException: Issuer (iss) claim value (\\x1b[31mRED\\x0d\\x0a2026-12-06"),
                reason);
        assertFalse(reason.chars().anyMatch(Character::isISOControl), reason);
        assertTrue(reason.length() < AccessTokenFilter.REASON_CHARS + 30, reason);
    }

    @Test
    void namesTheFailureWhenTheKeysCannotBeFetched() {
        assertEquals(
                "UnknownHostException: tenant.auth0.com",
                AccessTokenFilter.reason(
                        new RuntimeException(new java.net.UnknownHostException("tenant.auth0.com")), "a.b.c"));
    }
}
