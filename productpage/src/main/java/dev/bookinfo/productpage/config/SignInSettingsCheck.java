package dev.bookinfo.productpage.config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start with sign-in settings that would quietly weaken it: an invalid {@code PUBLIC_URL}; with OpenID
 * Connect on, a missing, short or example {@code SESSION_ENCRYPTION_KEY}; with the demo login, the example
 * {@code SESSION_SECRET}. Quarkus would otherwise fall back to
 * the client secret (one leaked secret then opens every session) or to a random key per process (a reader signed in
 * on one replica is a stranger to the next, and every restart signs everybody out).
 *
 * <p>Dev mode is exempt: its in-process provider needs no key.
 */
@Singleton
public class SignInSettingsCheck {

    /** The shortest key accepted: 32 characters, as {@code openssl rand -base64 32} gives 44. */
    public static final int MIN_KEY_LENGTH = 32;

    /** How the example values in {@code deploy/productpage-secrets.env.example} start. */
    static final String PLACEHOLDER_PREFIX = "replace-with";

    void check(
            @Observes StartupEvent start,
            ProductPageConfig config,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc,
            @ConfigProperty(name = "quarkus.oidc.token-state-manager.encryption-secret") Optional<String> key,
            @ConfigProperty(name = "quarkus.oidc.credentials.secret") Optional<String> clientSecret) {
        config.publicUrl().ifPresent(url -> {
            try {
                PublicUrl.parse(url);
            } catch (IllegalArgumentException invalid) {
                throw new IllegalStateException(invalid.getMessage());
            }
        });
        if (oidc && LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            problem(key, clientSecret).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
        if (!oidc) {
            demoKeyProblem(config.session().secret()).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
    }

    /**
     * The demo login's key may be the built-in one (a local run, documented as public), but not the example value a
     * copied {@code productpage-secrets.env.example} brings into a cluster. With OpenID Connect on, it signs nothing.
     */
    static Optional<String> demoKeyProblem(String secret) {
        if (secret.strip().startsWith(PLACEHOLDER_PREFIX)) {
            return Optional.of("SESSION_SECRET is still the example value from productpage-secrets.env.example; set it"
                    + " to 32 or more random characters, the same on every replica (e.g. `openssl rand -base64 32`)");
        }
        return Optional.empty();
    }

    /** What is wrong with the session encryption key, if anything. */
    static Optional<String> problem(Optional<String> key, Optional<String> clientSecret) {
        String advice = "; set it to " + MIN_KEY_LENGTH + " or more random characters, the same on every replica"
                + " (e.g. `openssl rand -base64 32`)";
        if (key.isEmpty() || key.get().isBlank()) {
            return Optional.of("SESSION_ENCRYPTION_KEY is not set: OpenID Connect sign-in needs it to encrypt the"
                    + " session cookies" + advice);
        }
        String value = key.get().strip();
        if (value.startsWith(PLACEHOLDER_PREFIX)) {
            return Optional.of(
                    "SESSION_ENCRYPTION_KEY is still the example value from productpage-secrets.env.example" + advice);
        }
        if (value.length() < MIN_KEY_LENGTH) {
            return Optional.of("SESSION_ENCRYPTION_KEY is " + value.length() + " characters long, too short" + advice);
        }
        if (clientSecret.isPresent() && clientSecret.get().strip().equals(value)) {
            return Optional.of("SESSION_ENCRYPTION_KEY must not be the client secret (OIDC_CLIENT_SECRET)" + advice);
        }
        return Optional.empty();
    }
}
