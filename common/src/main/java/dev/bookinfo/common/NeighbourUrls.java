package dev.bookinfo.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Where the Bookinfo services are, from upstream's variables (docs/upstream.md#backend-addresses):
 * {@code neighbour.<name>.url} = {@code http://<NAME>_HOSTNAME[.SERVICES_DOMAIN]:<NAME>_SERVICE_PORT}, by default
 * {@code http://<name>:9080}, for details, reviews and ratings. A service points its REST client at it in its
 * {@code application.properties} ({@code quarkus.rest-client.ratings.url=${neighbour.ratings.url}}), so an explicit
 * client URL (a {@code %dev} line, {@code QUARKUS_REST_CLIENT_RATINGS_URL}, a test's stub) still wins.
 *
 * <p>A variable that is empty or only blanks counts as unset, as for every variable of these services: a templated
 * manifest that renders {@code SERVICES_DOMAIN: ""} gets {@code http://ratings:9080}, not {@code http://ratings.:9080}.
 * {@code <NAME>_PORT} is never read: Kubernetes sets it to {@code tcp://10.x.y.z:9080} in every pod.
 *
 * <p>A config source rather than property expressions because an expression cannot add the dot only when the domain
 * is set, nor treat a blank value as unset. Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}
 * of this module, so every service has the three values; only the clients a service declares read them.
 */
public class NeighbourUrls implements ConfigSourceFactory {

    /** The Bookinfo services one of the others calls; also their default host names. */
    public static final List<String> NEIGHBOURS = List.of("details", "reviews", "ratings");

    /**
     * Nothing else defines {@code neighbour.*}; the ordinal is the lowest of Quarkus' own sources' (below
     * {@code microprofile-config.properties}, 100) so that a file or a system property could still replace a value.
     */
    static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> urls = derive(name -> {
            ConfigValue value = context.getValue(name);
            return Optional.ofNullable(value == null ? null : value.getValue());
        });
        return List.of(new PropertiesConfigSource(urls, "Bookinfo neighbour URLs (NeighbourUrls)", ORDINAL));
    }

    /** {@code neighbour.<name>.url} for every neighbour, from the variables that {@code env} returns. */
    public static Map<String, String> derive(Function<String, Optional<String>> env) {
        String domain = nonBlank(env, "SERVICES_DOMAIN").map(d -> "." + d).orElse("");
        Map<String, String> urls = new LinkedHashMap<>();
        for (String neighbour : NEIGHBOURS) {
            String prefix = neighbour.toUpperCase(Locale.ROOT);
            String host = nonBlank(env, prefix + "_HOSTNAME").orElse(neighbour);
            String port = nonBlank(env, prefix + "_SERVICE_PORT").orElse("9080");
            urls.put(urlProperty(neighbour), "http://" + host + domain + ":" + port);
        }
        return urls;
    }

    /** The property holding a neighbour's derived base URL. */
    public static String urlProperty(String neighbour) {
        return "neighbour." + neighbour + ".url";
    }

    private static Optional<String> nonBlank(Function<String, Optional<String>> env, String name) {
        return env.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }
}
