package dev.bookinfo.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Standalone mode refuses to start without the settings it needs, and names them. */
class JwtSettingsCheckTest {

    @Test
    void namesEveryMissingSetting() {
        assertEquals(
                List.of(
                        "JWT_ISSUER (mp.jwt.verify.issuer)",
                        "JWT_JWKS_URL (mp.jwt.verify.publickey.location)",
                        "JWT_AUDIENCE (mp.jwt.verify.audiences)"),
                JwtSettingsCheck.missing(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void namesOnlyWhatIsMissing() {
        assertEquals(
                List.of("JWT_AUDIENCE (mp.jwt.verify.audiences)"),
                JwtSettingsCheck.missing(
                        Optional.of("https://tenant.auth0.com/"),
                        Optional.of("https://tenant.auth0.com/.well-known/jwks.json"),
                        Optional.empty()));
    }

    @Test
    void needsNothingMoreWhenAllAreSet() {
        assertEquals(
                List.of(),
                JwtSettingsCheck.missing(
                        Optional.of("https://tenant.auth0.com/"),
                        Optional.of("https://tenant.auth0.com/.well-known/jwks.json"),
                        Optional.of("https://bookinfo.io")));
    }
}
