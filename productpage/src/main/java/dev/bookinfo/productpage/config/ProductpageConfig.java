package dev.bookinfo.productpage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * productpage settings. The upstream environment variables are wired to these keys in
 * {@code application.properties}; the backend URLs are {@code quarkus.rest-client.<name>.url}
 * (see {@link BackendUrlConfigSourceFactory}).
 *
 * <p>The prefix is deliberately not a service name: Kubernetes injects {@code DETAILS_PORT},
 * {@code REVIEWS_SERVICE_PORT} and friends into every pod, and those must not land on our keys.
 */
@ConfigMapping(prefix = "bookinfo")
public interface ProductpageConfig {

    /**
     * Extra reviews requests sent before the real one on every {@code /productpage} render
     * ({@code FLOOD_FACTOR}, docs/upstream.md#flood-mode). Used to demonstrate rate limiting; 0 turns it off.
     */
    @WithDefault("0")
    int floodFactor();

    /**
     * {@code PUBLIC_URL}: the base URL readers use ({@code https://bookinfo.example.com}); see {@link PublicUrl}.
     * Unset: redirect targets are built from the request, whose scheme and host come from {@code X-Forwarded-*}
     * headers only when a trusted proxy ({@code TRUSTED_PROXIES}) sent them.
     */
    Optional<String> publicUrl();

    /**
     * {@code TRUSTED_PROXIES}: the addresses (IPs, CIDR ranges) whose {@code X-Forwarded-*} headers count; see
     * {@link TrustedProxies}. Empty: nobody's.
     */
    Optional<List<String>> trustedProxies();

    /** The demo login session. */
    Session session();

    interface Session {

        /** Built-in key used when {@code SESSION_SECRET} is not set; it is public, like upstream's. */
        String DEFAULT_SECRET = "bookinfo-demo-session-key-not-a-secret";

        /**
         * HMAC-SHA256 key for the {@code session} cookie ({@code SESSION_SECRET}). The built-in
         * default lets replicas accept each other's cookies out of the box; set your own in production.
         */
        @WithDefault(DEFAULT_SECRET)
        String secret();

        /**
         * How long a {@code session} cookie stays valid after sign-in ({@code SESSION_MAX_AGE}, e.g. {@code 8h} or
         * {@code PT30M}); the browser drops it then too, and an older (or future-dated) one counts as signed out.
         */
        @WithDefault("8h")
        Duration maxAge();
    }
}
