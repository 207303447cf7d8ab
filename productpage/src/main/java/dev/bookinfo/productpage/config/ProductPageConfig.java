package dev.bookinfo.productpage.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * productpage settings. The upstream environment variables and their defaults are wired to these keys in
 * {@code application.properties}, the only place that states a default; a blank variable counts as unset
 * ({@link dev.bookinfo.common.BlankIsUnset}). The backend URLs are {@code quarkus.rest-client.<name>.url}
 * ({@link dev.bookinfo.common.NeighbourUrls}).
 *
 * <p>The prefix is deliberately not a service name: Kubernetes injects {@code DETAILS_PORT},
 * {@code REVIEWS_SERVICE_PORT} and friends into every pod, and those must not land on our keys.
 */
@ConfigMapping(prefix = "bookinfo")
public interface ProductPageConfig {

    /**
     * Extra reviews requests sent before the real one on every {@code /productpage} render
     * ({@code FLOOD_FACTOR}, docs/upstream.md#flood-mode). Used to demonstrate rate limiting; 0 turns it off.
     */
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

        /**
         * HMAC-SHA256 key for the {@code session} cookie ({@code SESSION_SECRET}). The built-in default
         * ({@code application.properties}) is public, like upstream's: it lets replicas accept each other's cookies
         * out of the box; set your own in production.
         */
        String secret();

        /**
         * How long a {@code session} cookie stays valid after sign-in ({@code SESSION_MAX_AGE}, e.g. {@code 8h} or
         * {@code PT30M}); the browser drops it then too, and an older (or future-dated) one counts as signed out.
         */
        Duration maxAge();
    }
}
