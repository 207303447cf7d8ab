package dev.bookinfo.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented {@code JWT_*} variables become smallrye-jwt's {@code mp.jwt.verify.*} properties. */
class JwtEnvironmentTest {

    private static SmallRyeConfig config(Map<String, String> environment, Map<String, String> applicationProperties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new JwtEnvironment())
                .build();
    }

    @Test
    void mapsEachVariableOntoItsProperty() {
        SmallRyeConfig config = config(
                Map.of(
                        "JWT_ISSUER", "https://tenant.auth0.com/",
                        "JWT_JWKS_URL", "https://tenant.auth0.com/.well-known/jwks.json",
                        "JWT_AUDIENCE", "https://bookinfo.io"),
                Map.of());

        assertEquals("https://tenant.auth0.com/", config.getValue("mp.jwt.verify.issuer", String.class));
        assertEquals(
                "https://tenant.auth0.com/.well-known/jwks.json",
                config.getValue("mp.jwt.verify.publickey.location", String.class));
        assertEquals("https://bookinfo.io", config.getValue("mp.jwt.verify.audiences", String.class));
    }

    @Test
    void leavesAnUnsetOrBlankVariableUndefined() {
        SmallRyeConfig config = config(Map.of("JWT_ISSUER", "  "), Map.of());

        assertEquals(Optional.empty(), config.getOptionalValue("mp.jwt.verify.issuer", String.class));
        assertEquals(Optional.empty(), config.getOptionalValue("mp.jwt.verify.audiences", String.class));
    }

    @Test
    void stripsSurroundingWhitespace() {
        SmallRyeConfig config = config(Map.of("JWT_AUDIENCE", " https://bookinfo.io\n"), Map.of());

        assertEquals("https://bookinfo.io", config.getValue("mp.jwt.verify.audiences", String.class));
    }

    @Test
    void winsOverApplicationProperties() {
        SmallRyeConfig config = config(
                Map.of("JWT_ISSUER", "https://tenant.auth0.com/"),
                Map.of("mp.jwt.verify.issuer", "http://localhost:8180/realms/bookinfo"));

        assertEquals("https://tenant.auth0.com/", config.getValue("mp.jwt.verify.issuer", String.class));
    }

    @Test
    void losesToTheMpJwtVerifyVariables() {
        SmallRyeConfig config = config(
                Map.of(
                        "JWT_ISSUER", "https://tenant.auth0.com/",
                        "MP_JWT_VERIFY_ISSUER", "https://other.auth0.com/"),
                Map.of());

        assertEquals("https://other.auth0.com/", config.getValue("mp.jwt.verify.issuer", String.class));
    }
}
