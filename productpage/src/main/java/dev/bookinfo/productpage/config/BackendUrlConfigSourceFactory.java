package dev.bookinfo.productpage.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code quarkus.rest-client.{details,reviews,ratings}.url} computed from upstream's
 * environment variables (see {@link BackendUrls}). The source has a low ordinal, so an explicit URL
 * in {@code application.properties} (the {@code %dev} profile), a system property or an env var
 * such as {@code QUARKUS_REST_CLIENT_DETAILS_URL} wins.
 */
public class BackendUrlConfigSourceFactory implements ConfigSourceFactory {

    /** Below application.properties (250), the environment (300) and system properties (400). */
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        var urls = BackendUrls.derive(name -> {
            ConfigValue value = context.getValue(name);
            return Optional.ofNullable(value == null ? null : value.getValue());
        });
        return List.of(new PropertiesConfigSource(urls, "bookinfo-backend-urls", ORDINAL));
    }
}
