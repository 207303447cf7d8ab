package dev.bookinfo.reviews.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Computes the defaults of the declared {@code ratings} REST client from the upstream environment variables,
 * which plain property expressions cannot express (the domain is appended with a dot only when it is set, and
 * the timeout depends on the star colour):
 * <ul>
 * <li>{@code quarkus.rest-client.ratings.url} =
 * {@code http://{RATINGS_HOSTNAME:ratings}{.SERVICES_DOMAIN if set}:{RATINGS_SERVICE_PORT:9080}}. {@code RATINGS_PORT}
 * is never read: Kubernetes sets it to {@code tcp://<ip>:9080} in every pod.</li>
 * <li>{@code quarkus.rest-client.ratings.connect-timeout} and {@code read-timeout} (milliseconds) =
 * {@code bookinfo.ratings-timeout} if set, else 10 000 when {@code bookinfo.star-color} is exactly {@code black}
 * and 2 500 otherwise (upstream applies the same value to connect and receive).</li>
 * </ul>
 * The source has a low ordinal ({@value #ORDINAL}), below {@code application.properties} (250), environment
 * variables (300) and system properties (400): any explicit value of these properties, such as the {@code %dev}
 * URL or a test's WireMock URL, wins.
 *
 * <p>Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class RatingsClientDefaults implements ConfigSourceFactory {

    public static final int ORDINAL = 50;
    public static final String URL = "quarkus.rest-client.ratings.url";
    public static final String CONNECT_TIMEOUT = "quarkus.rest-client.ratings.connect-timeout";
    public static final String READ_TIMEOUT = "quarkus.rest-client.ratings.read-timeout";

    static final String DEFAULT_STAR_COLOR = "black";
    static final Duration BLACK_STARS_TIMEOUT = Duration.ofMillis(10_000);
    static final Duration OTHER_STARS_TIMEOUT = Duration.ofMillis(2_500);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String url = ratingsUrl(
                value(context, "RATINGS_HOSTNAME").orElse("ratings"),
                value(context, "SERVICES_DOMAIN"),
                value(context, "RATINGS_SERVICE_PORT").orElse("9080"));
        long timeoutMillis = ratingsTimeout(
                value(context, "bookinfo.star-color").orElse(DEFAULT_STAR_COLOR),
                value(context, "bookinfo.ratings-timeout").map(DurationConverter::parseDuration))
                .toMillis();
        Map<String, String> defaults = Map.of(
                URL, url,
                CONNECT_TIMEOUT, Long.toString(timeoutMillis),
                READ_TIMEOUT, Long.toString(timeoutMillis));
        return List.of(new PropertiesConfigSource(defaults, "bookinfo ratings client defaults", ORDINAL));
    }

    /** Upstream's ratings base URL: {@code http://<host><.domain>:<port>}. */
    public static String ratingsUrl(String host, Optional<String> servicesDomain, String port) {
        String domain = servicesDomain.map(d -> "." + d).orElse("");
        return "http://" + host + domain + ":" + port;
    }

    /** The ratings timeout: the explicit override if any, else 10 s for exactly {@code black}, else 2.5 s. */
    public static Duration ratingsTimeout(String starColor, Optional<Duration> override) {
        return override.orElseGet(() -> DEFAULT_STAR_COLOR.equals(starColor) ? BLACK_STARS_TIMEOUT : OTHER_STARS_TIMEOUT);
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).filter(v -> !v.isEmpty());
    }
}
