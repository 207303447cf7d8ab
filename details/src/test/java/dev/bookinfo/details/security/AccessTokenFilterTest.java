package dev.bookinfo.details.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one-line reason logged for a refused token never contains the token. */
class AccessTokenFilterTest {

    @Test
    void replacesTheTokenInTheReason() {
        assertEquals("IllegalArgumentException: Unable to process JOSE object: <token>",
                AccessTokenFilter.reason(new IllegalArgumentException("Unable to process JOSE object: opaque-4f2a9c"),
                        "opaque-4f2a9c"));
    }

    @Test
    void cutsQuotedJwsAndClaims() {
        assertEquals("IllegalStateException: Invalid JWS Signature: ...",
                AccessTokenFilter.reason(new IllegalStateException("Invalid JWS Signature: JsonWebSignature{\"alg\"}"
                        + "->eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), null));
    }

    @Test
    void namesTheFailureWhenTheKeysCannotBeFetched() {
        assertEquals("UnknownHostException: tenant.auth0.com",
                AccessTokenFilter.reason(new RuntimeException(new java.net.UnknownHostException("tenant.auth0.com")),
                        "a.b.c"));
    }
}
