package dev.bookinfo.productpage.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Derives the backend base URLs from upstream's environment variables (docs/upstream.md#backend-addresses):
 * {@code http://<NAME>_HOSTNAME[.SERVICES_DOMAIN]:<NAME>_SERVICE_PORT}, defaulting to
 * {@code http://<name>:9080}. {@code <NAME>_PORT} is never read: Kubernetes sets it to
 * {@code tcp://10.x.y.z:9080} in every pod.
 */
public final class BackendUrls {

    /** The REST client config keys, which are also the default host names. */
    public static final List<String> BACKENDS = List.of("details", "reviews", "ratings");

    private BackendUrls() {
    }

    /** Maps {@code quarkus.rest-client.<backend>.url} to its derived URL, for every backend. */
    public static Map<String, String> derive(Function<String, Optional<String>> env) {
        String domain = env.apply("SERVICES_DOMAIN").map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> "." + d).orElse("");
        Map<String, String> urls = new LinkedHashMap<>();
        for (String backend : BACKENDS) {
            String prefix = backend.toUpperCase(Locale.ROOT);
            String host = nonBlank(env, prefix + "_HOSTNAME").orElse(backend);
            String port = nonBlank(env, prefix + "_SERVICE_PORT").orElse("9080");
            urls.put(urlProperty(backend), "http://" + host + domain + ":" + port);
        }
        return urls;
    }

    /** The config key holding a backend's base URL. */
    public static String urlProperty(String backend) {
        return "quarkus.rest-client." + backend + ".url";
    }

    private static Optional<String> nonBlank(Function<String, Optional<String>> env, String name) {
        return env.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }
}
