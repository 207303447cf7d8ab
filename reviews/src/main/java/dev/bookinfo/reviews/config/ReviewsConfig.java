package dev.bookinfo.reviews.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the reviews service. The upstream environment variables and their defaults are wired to these
 * properties in {@code application.properties} ({@code bookinfo.star-color=${STAR_COLOR:black}}, ...), so the variant
 * (v1, v2, v3) is chosen by the environment of one and the same build. A blank variable counts as unset
 * ({@link dev.bookinfo.common.BlankIsUnset}), so the defaults there apply and are stated nowhere else.
 *
 * <p>The prefix is {@code bookinfo}, not {@code reviews} or {@code ratings}: Kubernetes injects variables such as
 * {@code RATINGS_PORT=tcp://10.0.0.1:9080} into every pod, and a mapping named after a service could pick them up.
 * The ratings URL is a client setting ({@code quarkus.rest-client.ratings.url}).
 *
 * <p>{@code bookinfo.jwt.mode} ({@code JWT_MODE}) is mapped by {@link dev.bookinfo.security.JwtConfig}, shared with the
 * other services.
 */
@ConfigMapping(prefix = "bookinfo")
public interface ReviewsConfig {

    /** Upstream {@code ENABLE_RATINGS}, as text; see {@link #ratingsEnabled()}. */
    String enableRatings();

    /** Upstream {@code STAR_COLOR}: emitted as {@code rating.color}; it also picks the {@link #ratingsTimeout()}. */
    String starColor();

    /** Upstream {@code HOSTNAME} (the pod name), emitted as {@code podname}. */
    String podname();

    /** Upstream {@code CLUSTER_NAME}, emitted as {@code clustername}; productpage hides the string {@code null}. */
    String clustername();

    /** {@code bookinfo.ratings-timeout} ({@code BOOKINFO_RATINGS_TIMEOUT}); see {@link #ratingsTimeout()}. */
    @WithName("ratings-timeout")
    Optional<Duration> ratingsTimeoutIfSet();

    /**
     * Connect and read timeout of the ratings call: {@code bookinfo.ratings-timeout} (e.g. {@code 500ms}, {@code 3s})
     * if set, else derived from the star colour as upstream does: 10 s when {@link #starColor()} is exactly
     * {@code black}, 2.5 s for anything else. {@link RatingsClientDefaults} gives it to the ratings client.
     */
    default Duration ratingsTimeout() {
        return RatingsClientDefaults.ratingsTimeout(Optional.of(starColor()), ratingsTimeoutIfSet());
    }

    /**
     * Whether reviews calls ratings and adds a {@code rating} to each review (v2, v3). Interpreted like Java's
     * {@code Boolean.valueOf}: only {@code true}, in any case, enables ratings ({@code yes}, {@code on} or {@code 1}
     * do not).
     */
    default boolean ratingsEnabled() {
        return Boolean.parseBoolean(enableRatings());
    }
}
