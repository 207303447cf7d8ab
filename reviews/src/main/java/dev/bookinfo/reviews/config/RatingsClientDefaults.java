package dev.bookinfo.reviews.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Applies {@link ReviewsConfig#ratingsTimeout()} to the ratings REST client: {@code quarkus.rest-client.ratings}
 * {@code .connect-timeout} and {@code .read-timeout} (milliseconds, upstream applies the same value to both). A
 * config source because the REST client reads only these properties and a property expression cannot pick a
 * value by the star colour; it reads the two settings by name ({@code bookinfo.ratings-timeout},
 * {@code bookinfo.star-color}) because a config source is built before the mapping, and applies the same rule
 * ({@link #ratingsTimeout}). {@code ReviewsConfigTest} checks that the client gets what the mapping says.
 *
 * <p>The ordinal ({@value #ORDINAL}) is below {@code application.properties} (250), environment variables (300) and
 * system properties (400): an explicit client timeout wins. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class RatingsClientDefaults implements ConfigSourceFactory {

    public static final int ORDINAL = 50;
    public static final String CONNECT_TIMEOUT = "quarkus.rest-client.ratings.connect-timeout";
    public static final String READ_TIMEOUT = "quarkus.rest-client.ratings.read-timeout";

    static final Duration BLACK_STARS_TIMEOUT = Duration.ofMillis(10_000);
    static final Duration OTHER_STARS_TIMEOUT = Duration.ofMillis(2_500);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        long timeoutMillis = ratingsTimeout(
                        value(context, "bookinfo.star-color"),
                        value(context, "bookinfo.ratings-timeout").map(DurationConverter::parseDuration))
                .toMillis();
        Map<String, String> defaults = Map.of(
                CONNECT_TIMEOUT, Long.toString(timeoutMillis),
                READ_TIMEOUT, Long.toString(timeoutMillis));
        return List.of(new PropertiesConfigSource(defaults, "bookinfo ratings client timeouts", ORDINAL));
    }

    /**
     * The ratings timeout: the explicit one if set, else upstream's 10 s when the star colour is exactly
     * {@code black} and 2.5 s for any other colour.
     */
    static Duration ratingsTimeout(Optional<String> starColor, Optional<Duration> explicit) {
        return explicit.orElseGet(
                () -> starColor.filter("black"::equals).isPresent() ? BLACK_STARS_TIMEOUT : OTHER_STARS_TIMEOUT);
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).filter(v -> !v.isBlank());
    }
}
