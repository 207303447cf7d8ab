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
import java.util.Collections;
import java.util.Map;

/**
 * The module's real {@code application.properties} (ordinal 250), common's and security's
 * {@code META-INF/microprofile-config.properties} (100; security's sets {@code bookinfo.jwt.mode}), a simulated
 * environment (300) and the derived sources (common's {@link NeighbourUrls}, {@link RatingsClientDefaults}),
 * assembled the way Quarkus does, without starting Quarkus. Not every dependency's file: observability's sets
 * {@code bookinfo.tracing.*}, which no mapping here reads, and the builder refuses unmapped {@code bookinfo.*} keys.
 */
final class TestConfigs {

    private TestConfigs() {}

    static SmallRyeConfig withEnvironment(Map<String, String> environment) {
        return build(environment, null);
    }

    static SmallRyeConfig withEnvironmentAndProfile(Map<String, String> environment, String profile) {
        return build(environment, profile);
    }

    /** The {@code META-INF/microprofile-config.properties} of the module (jar or classes directory) of a class. */
    private static URL defaultsOf(Class<?> moduleClass, ClassLoader classLoader) throws IOException {
        String module =
                moduleClass.getProtectionDomain().getCodeSource().getLocation().toString();
        for (URL file : Collections.list(classLoader.getResources("META-INF/microprofile-config.properties"))) {
            if (file.toString().contains(module)) {
                return file;
            }
        }
        throw new IllegalStateException("no META-INF/microprofile-config.properties in " + module);
    }

    private static SmallRyeConfig build(Map<String, String> environment, String profile) {
        ClassLoader classLoader = TestConfigs.class.getClassLoader();
        URL properties = classLoader.getResource("application.properties");
        SmallRyeConfigBuilder builder;
        try {
            builder = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(defaultsOf(NeighbourUrls.class, classLoader), 100))
                    .withSources(new PropertiesConfigSource(defaultsOf(JwtConfig.class, classLoader), 100))
                    .addDefaultInterceptors()
                    // common's BlankIsUnset, as Quarkus discovers it
                    .addDiscoveredInterceptors()
                    .withSources(new PropertiesConfigSource(properties, 250))
                    .withSources(new EnvConfigSource(environment, 300))
                    .withSources(new NeighbourUrls())
                    .withSources(new RatingsClientDefaults())
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withMapping(ReviewsConfig.class)
                    // security's file sets bookinfo.jwt.mode, which is JwtConfig's, not ReviewsConfig's
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
