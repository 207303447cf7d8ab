package dev.bookinfo.security;

/**
 * Who checks the {@code Authorization: Bearer} JWT of incoming API calls ({@code JWT_MODE},
 * SECURITY.md#what-each-layer-checks).
 */
public enum JwtMode {

    /** Istio's RequestAuthentication and AuthorizationPolicy check tokens; this service checks none, not even a present one. */
    MESH,

    /** This service verifies the token itself (issuer, audience, expiry, signature against the issuer's JWKS). */
    STANDALONE
}
