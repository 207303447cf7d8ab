package dev.bookinfo.productpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bookinfo.productpage.testing.OidcProviderStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starts the packaged application, signing in through a provider stub, with settings it must refuse: it stops at once
 * with a non-zero exit code and one line saying why, instead of encrypting sessions with a key an attacker can
 * guess, the client secret, or a key of its own that the other replicas do not share.
 */
class SignInSettingsStartupIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final String GOOD_KEY = "a-startup-test-key-of-at-least-32-characters";
    private static final OidcProviderStub PROVIDER = new OidcProviderStub();
    private static Map<String, String> oidc;

    @TempDir
    Path temp;

    @BeforeAll
    static void startProvider() {
        oidc = PROVIDER.start();
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @ParameterizedTest(name = "SESSION_ENCRYPTION_KEY={0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "                                          | SESSION_ENCRYPTION_KEY is not set: OpenID Connect sign-in needs it",
                "replace-with-32-or-more-random-characters | SESSION_ENCRYPTION_KEY is still the example value",
                "0123456789abcdef                          | SESSION_ENCRYPTION_KEY is 16 characters long, too short",
                "test-client-secret-0123456789abcdefghijk  | SESSION_ENCRYPTION_KEY must not be the client secret"
            })
    void refusesABadSessionKey(String key, String message) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(oidc);
        env.remove("SESSION_ENCRYPTION_KEY");
        if (key != null) {
            env.put("SESSION_ENCRYPTION_KEY", key);
        }
        if (key != null && key.startsWith("test-client-secret")) {
            env.put("OIDC_CLIENT_SECRET", key);
        }
        assertRefused(env, message);
    }

    @Test
    void refusesAPublicUrlThatIsNotABaseUrl() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(oidc);
        env.put("SESSION_ENCRYPTION_KEY", GOOD_KEY);
        env.put("PUBLIC_URL", "bookinfo.example.com/productpage");
        assertRefused(
                env,
                "PUBLIC_URL=bookinfo.example.com/productpage is not a base URL such as"
                        + " https://bookinfo.example.com");
    }

    @Test
    void refusesATrustedProxyThatIsNotAnAddress() throws IOException, InterruptedException {
        assertRefused(
                Map.of("TRUSTED_PROXIES", "127.0.0.6,sidecar.local"),
                "TRUSTED_PROXIES: sidecar.local is not an IP address or a CIDR range");
    }

    @Test
    void theDemoLoginRefusesTheExampleSessionSecret() throws IOException, InterruptedException {
        assertRefused(
                Map.of("SESSION_SECRET", "replace-with-32-or-more-random-characters"),
                "SESSION_SECRET is still the example value from productpage-secrets.env.example");
    }

    @Test
    void theDemoLoginNeedsNoKey() throws IOException, InterruptedException {
        // The control: without OIDC_AUTH_SERVER_URL the same start succeeds.
        Process process = start(Map.of());
        try {
            Path output = temp.resolve("output.txt");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(output).contains("Listening on")) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("did not start:\n" + Files.readString(output));
                }
                Thread.sleep(200);
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private void assertRefused(Map<String, String> env, String message) throws IOException, InterruptedException {
        Process process = start(env);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("still running after 60 s:\n" + Files.readString(temp.resolve("output.txt")));
            }
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(temp.resolve("output.txt"));
        assertNotEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains(message), () -> "expected \"" + message + "\" in:\n" + printed);
        assertEquals(1, printed.lines().filter(line -> line.contains(message)).count(), printed);
    }

    private Process start(Map<String, String> env) throws IOException {
        assertTrue(Files.isRegularFile(JAR), "package the application first: " + JAR.toAbsolutePath());
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.http.port=0",
                        "-jar",
                        JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("output.txt").toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("OIDC_")
                        || name.startsWith("SESSION_")
                        || name.equals("PUBLIC_URL")
                        || name.equals("TRUSTED_PROXIES"));
        builder.environment().putAll(env);
        return builder.start();
    }
}
