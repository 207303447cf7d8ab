package dev.bookinfo.productpage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.testing.DemoSessions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInSettingsCheckTest {

    private static Optional<String> problem(String key, String clientSecret) {
        return SignInSettingsCheck.problem(Optional.ofNullable(key), Optional.ofNullable(clientSecret));
    }

    @Test
    void aLongRandomKeyIsFine() {
        assertEquals(Optional.empty(), problem("0123456789abcdef0123456789abcdef", "client-secret"));
        assertEquals(Optional.empty(), problem("R3VhcmQgdGhpcyBrZXkgd2VsbCwgaXQgaXMgcmFuZG9tIQ==", null));
    }

    @Test
    void missingKey() {
        assertTrue(problem(null, "s").orElseThrow().startsWith("SESSION_ENCRYPTION_KEY is not set"));
        assertTrue(problem("  ", "s").orElseThrow().startsWith("SESSION_ENCRYPTION_KEY is not set"));
    }

    @Test
    void shortKey() {
        assertEquals(
                "SESSION_ENCRYPTION_KEY is 31 characters long, too short; set it to 32 or more random characters,"
                        + " the same on every replica (e.g. `openssl rand -base64 32`)",
                problem("0123456789abcdef0123456789abcde", null).orElseThrow());
    }

    @Test
    void theExampleValue() {
        assertTrue(problem("replace-with-32-or-more-random-characters", null)
                .orElseThrow()
                .startsWith("SESSION_ENCRYPTION_KEY is still the example value"));
    }

    @Test
    void theClientSecret() {
        String secret = "0123456789abcdef0123456789abcdef0123";
        assertTrue(problem(secret, secret).orElseThrow().startsWith("SESSION_ENCRYPTION_KEY must not be the client"));
    }

    @Test
    void theDemoKeyMayBeTheBuiltInOneButNotTheExampleValue() {
        assertEquals(Optional.empty(), SignInSettingsCheck.demoKeyProblem(DemoSessions.BUILT_IN_KEY));
        assertEquals(Optional.empty(), SignInSettingsCheck.demoKeyProblem("R3VhcmQgdGhpcyBrZXkgd2VsbA=="));
        assertTrue(SignInSettingsCheck.demoKeyProblem("replace-with-32-or-more-random-characters")
                .orElseThrow()
                .startsWith("SESSION_SECRET is still the example value"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://Bookinfo.Example.com", "https://bookinfo.example.com/", "http://localhost:9080"})
    void publicUrlsAccepted(String url) {
        assertTrue(PublicUrl.parse(url).matches("https?://[a-z.]+(:9080)?"), PublicUrl.parse(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bookinfo.example.com",
                "ftp://bookinfo.example.com",
                "https://bookinfo.example.com/app",
                "https://user@bookinfo.example.com",
                "https://bookinfo.example.com/?x=1",
                "https://",
                "https://a b",
                "javascript:alert(1)",
                "//bookinfo.example.com"
            })
    void publicUrlsRefused(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublicUrl.parse(url));
        assertTrue(e.getMessage().startsWith("PUBLIC_URL=" + url + " is not a base URL"), e.getMessage());
    }
}
