package dev.bookinfo.security;

import io.smallrye.config.ConfigMapping;

/**
 * Who checks the access tokens of a service's API calls. {@code JWT_MODE} is wired onto {@code bookinfo.jwt.mode},
 * default {@code mesh}, in this module's {@code META-INF/microprofile-config.properties}; the issuer, JWKS and
 * audience are smallrye-jwt's {@code mp.jwt.verify.*} properties, filled from {@code JWT_ISSUER},
 * {@code JWT_JWKS_URL} and {@code JWT_AUDIENCE} by {@link JwtEnvironment}.
 */
@ConfigMapping(prefix = "bookinfo.jwt")
public interface JwtConfig {

    /**
     * {@code JWT_MODE}: {@code mesh} (Istio checks tokens, the service none) or {@code standalone} (the service needs
     * a valid token on its whole API, e.g. {@code /details/**}, except upstream's {@code /health}).
     */
    JwtMode mode();
}
