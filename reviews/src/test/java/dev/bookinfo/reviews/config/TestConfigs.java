package dev.bookinfo.reviews.config;

import dev.bookinfo.common.NeighbourUrls;
import dev.bookinfo.security.JwtConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

/**
 * The module's real {@code application.properties} (ordinal 250), a simulated environment (300) and
 * the derived sources (common's {@link NeighbourUrls}, {@link RatingsClientDefaults}), assembled the way Quarkus does,
 * without starting Quarkus.
 */
final class TestConfigs {

    private TestConfigs() {}

    static SmallRyeConfig withEnvironment(Map<String, String> environment) {
        return build(environment, null);
    }

    static SmallRyeConfig withEnvironmentAndProfile(Map<String, String> environment, String profile) {
        return build(environment, profile);
    }

    private static SmallRyeConfig build(Map<String, String> environment, String profile) {
        URL properties = TestConfigs.class.getClassLoader().getResource("application.properties");
        SmallRyeConfigBuilder builder;
        try {
            builder = new SmallRyeConfigBuilder()
                    .addDefaultInterceptors()
                    // common's BlankIsUnset, as Quarkus discovers it
                    .addDiscoveredInterceptors()
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withSources(new EnvConfigSource(environment, 300))
                    .withSources(new NeighbourUrls())
                    .withSources(new RatingsClientDefaults())
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(ReviewsConfig.class)
                    // application.properties sets bookinfo.jwt.mode, which is JwtConfig's, not ReviewsConfig's
                    .withMapping(JwtConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (profile != null) {
            builder.withProfile(profile);
        }
        return builder.build();
    }
}
