package dev.bookinfo.reviews.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Settings of the reviews service. The upstream environment variables are wired to these properties in
 * {@code application.properties} ({@code bookinfo.star-color=${STAR_COLOR:black}}, ...), so the variant (v1, v2,
 * v3) is chosen by the environment of one and the same build.
 *
 * <p>The raw values are optional because a variable can be set to the empty string (a templated manifest, say),
 * which SmallRye would reject for a plain {@code String}; empty counts as unset, and the default methods apply the
 * defaults. The prefix is {@code bookinfo}, not {@code reviews} or {@code ratings}: Kubernetes injects variables
 * such as {@code RATINGS_PORT=tcp://10.0.0.1:9080} into every pod, and a mapping named after a service could pick
 * them up. The ratings URL and timeouts are client settings, see {@link RatingsClientDefaults}.
 *
 * <p>{@code bookinfo.jwt.mode} ({@code JWT_MODE}) is mapped by {@link dev.bookinfo.security.JwtConfig}, shared with the
 * other services.
 */
@ConfigMapping(prefix = "bookinfo")
public interface ReviewsConfig {

    /** The string upstream prints for an unset {@code HOSTNAME} or {@code CLUSTER_NAME}; productpage checks for it. */
    String UNSET = "null";

    /**
     * Upstream {@code ENABLE_RATINGS}, as text; see {@link #ratingsEnabled()}.
     */
    Optional<String> enableRatings();

    /** Upstream {@code STAR_COLOR}; see {@link #starColor()}. */
    @WithName("star-color")
    Optional<String> starColorIfSet();

    /** Upstream {@code HOSTNAME} (the pod name); see {@link #podname()}. */
    @WithName("podname")
    Optional<String> podnameIfSet();

    /** Upstream {@code CLUSTER_NAME}; see {@link #clustername()}. */
    @WithName("clustername")
    Optional<String> clusternameIfSet();

    /**
     * Connect and read timeout of the ratings call (e.g. {@code 500ms}, {@code 3s}). When unset it is derived from
     * the star colour as upstream does: 10 s when {@link #starColor()} is exactly {@code black}, 2.5 s for anything
     * else. {@link RatingsClientDefaults} turns it into the ratings client's {@code connect-timeout} and
     * {@code read-timeout}.
     */
    Optional<Duration> ratingsTimeout();

    /**
     * Whether reviews calls ratings and adds a {@code rating} to each review (v2, v3). Interpreted like Java's
     * {@code Boolean.valueOf}: only {@code true}, in any case, enables ratings ({@code yes}, {@code on} or {@code 1}
     * do not).
     */
    default boolean ratingsEnabled() {
        return enableRatings().map(Boolean::parseBoolean).orElse(false);
    }

    /** Emitted as {@code rating.color}; {@code black} when unset. It also picks the ratings timeout. */
    default String starColor() {
        return starColorIfSet().orElse(RatingsClientDefaults.DEFAULT_STAR_COLOR);
    }

    /** Emitted as {@code podname}; the string {@code null} when unset. */
    default String podname() {
        return podnameIfSet().orElse(UNSET);
    }

    /** Emitted as {@code clustername}; the string {@code null} when unset, which productpage checks for. */
    default String clustername() {
        return clusternameIfSet().orElse(UNSET);
    }
}
