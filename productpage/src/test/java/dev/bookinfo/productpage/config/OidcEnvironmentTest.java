package dev.bookinfo.productpage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented OIDC_* variables and what they turn into. */
class OidcEnvironmentTest {

    private static Map<String, String> properties(Map<String, String> env) {
        return OidcEnvironment.properties(name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void withoutAProviderNothingIsSetAndTheDemoLoginStays() {
        assertEquals(Map.of(), properties(Map.of("OIDC_CLIENT_ID", "ignored", "OIDC_AUDIENCE", "https://bookinfo.io")));
    }

    @Test
    void aProviderTurnsSignInOnWithItsClientAudienceAndSessionKey() {
        assertEquals(
                Map.of(
                        "quarkus.oidc.tenant-enabled", "true",
                        "quarkus.oidc.auth-server-url", "https://bookinfo.eu.auth0.com/",
                        "quarkus.oidc.client-id", "abc",
                        "quarkus.oidc.credentials.secret", "s3cret",
                        "quarkus.oidc.authentication.extra-params.audience", "https://bookinfo.io",
                        "quarkus.oidc.token-state-manager.encryption-secret", "0123456789abcdef0123456789abcdef",
                        "quarkus.oidc.authentication.state-secret", "0123456789abcdef0123456789abcdef"),
                properties(Map.of(
                        "OIDC_AUTH_SERVER_URL", "https://bookinfo.eu.auth0.com/",
                        "OIDC_CLIENT_ID", "abc",
                        "OIDC_CLIENT_SECRET", "s3cret",
                        "OIDC_AUDIENCE", "https://bookinfo.io",
                        "SESSION_ENCRYPTION_KEY", "0123456789abcdef0123456789abcdef")));
    }

    @Test
    void auth0LogoutUsesV2LogoutWithReturnToAndClientId() {
        Map<String, String> properties = properties(Map.of(
                "OIDC_AUTH_SERVER_URL", "https://bookinfo.eu.auth0.com/",
                "OIDC_CLIENT_ID", "abc",
                "OIDC_LOGOUT", "auth0"));
        assertEquals("v2/logout", properties.get("quarkus.oidc.end-session-path"));
        assertEquals("returnTo", properties.get("quarkus.oidc.logout.post-logout-uri-param"));
        assertEquals("abc", properties.get("quarkus.oidc.logout.extra-params.client_id"));
    }

    @Test
    void anHttpsPublicUrlFixesTheCallbackAndTheReturnAndMakesCookiesSecure() {
        Map<String, String> properties = properties(Map.of(
                "OIDC_AUTH_SERVER_URL", "https://bookinfo.eu.auth0.com/",
                "PUBLIC_URL", "https://Bookinfo.Example.com/"));
        assertEquals(
                "https://bookinfo.example.com/callback", properties.get("quarkus.oidc.authentication.redirect-path"));
        assertEquals(
                "https://bookinfo.example.com/productpage", properties.get("quarkus.oidc.logout.post-logout-path"));
        assertEquals("true", properties.get("quarkus.oidc.authentication.force-redirect-https-scheme"));
        assertEquals("true", properties.get("quarkus.oidc.authentication.cookie-force-secure"));
    }

    @Test
    void anHttpPublicUrlFixesTheTargetsOnly() {
        Map<String, String> properties = properties(Map.of(
                "OIDC_AUTH_SERVER_URL", "https://bookinfo.eu.auth0.com/",
                "PUBLIC_URL", "http://localhost:9080"));
        assertEquals("http://localhost:9080/callback", properties.get("quarkus.oidc.authentication.redirect-path"));
        assertEquals(null, properties.get("quarkus.oidc.authentication.cookie-force-secure"));
    }

    @Test
    void anInvalidPublicUrlIsLeftToTheStartupCheck() {
        Map<String, String> properties = properties(Map.of(
                "OIDC_AUTH_SERVER_URL", "https://bookinfo.eu.auth0.com/",
                "PUBLIC_URL", "bookinfo.example.com"));
        assertEquals(null, properties.get("quarkus.oidc.authentication.redirect-path"));
    }
}
