package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The neighbours' URLs from upstream's variables (docs/upstream.md#backend-addresses), through the config source
 * factory and a client URL that refers to them as the services' {@code application.properties} do.
 */
class NeighbourUrlsTest {

    /** What productpage's and reviews' application.properties say. */
    private static final Map<String, String> APPLICATION_PROPERTIES = Map.of(
            "quarkus.rest-client.details.url", "${neighbour.details.url}",
            "quarkus.rest-client.reviews.url", "${neighbour.reviews.url}",
            "quarkus.rest-client.ratings.url", "${neighbour.ratings.url}");

    /** The clients' URLs when no variable is set: the Kubernetes Service names on port 9080. */
    private static final List<String> DEFAULTS =
            List.of("http://details:9080", "http://reviews:9080", "http://ratings:9080");

    private static SmallRyeConfig config(Map<String, String> env) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new EnvConfigSource(env, 300))
                .withSources(new PropertiesConfigSource(APPLICATION_PROPERTIES, "application.properties", 250))
                .withSources(new NeighbourUrls())
                .build();
    }

    private static String url(SmallRyeConfig config, String neighbour) {
        return config.getValue("quarkus.rest-client." + neighbour + ".url", String.class);
    }

    /** The three clients' URLs, details, reviews and ratings, in that order. */
    private static List<String> urls(SmallRyeConfig config) {
        return NeighbourUrls.NEIGHBOURS.stream()
                .map(neighbour -> url(config, neighbour))
                .toList();
    }

    @Test
    void defaultsAreTheKubernetesServiceNamesOnPort9080() {
        assertEquals(DEFAULTS, urls(config(Map.of())));
    }

    @Test
    void hostnamesPortsAndDomainComeFromTheEnvironment() {
        SmallRyeConfig config = config(Map.of(
                "SERVICES_DOMAIN", "default.svc.cluster.local",
                "DETAILS_HOSTNAME", "details-v2",
                "DETAILS_SERVICE_PORT", "9081",
                "REVIEWS_SERVICE_PORT", "9082",
                "RATINGS_HOSTNAME", "ratings-canary"));
        assertEquals(
                List.of(
                        "http://details-v2.default.svc.cluster.local:9081",
                        "http://reviews.default.svc.cluster.local:9082",
                        "http://ratings-canary.default.svc.cluster.local:9080"),
                urls(config));
    }

    /** Kubernetes service links set RATINGS_PORT=tcp://... and friends; only *_SERVICE_PORT is read. */
    @Test
    void kubernetesServiceLinkVariablesAreIgnored() {
        SmallRyeConfig config = config(Map.of(
                "DETAILS_PORT", "tcp://10.0.0.1:9080",
                "DETAILS_PORT_9080_TCP_ADDR", "10.0.0.1",
                "REVIEWS_PORT", "tcp://10.0.0.2:9080",
                "RATINGS_PORT", "tcp://10.0.0.3:9080",
                "RATINGS_SERVICE_HOST", "10.0.0.3"));
        assertEquals(DEFAULTS, urls(config));
    }

    /** Empty or blank is unset, for the domain as for host and port: no "ratings.:9080", no "http://:9080". */
    @ParameterizedTest(name = "\"{0}\" counts as unset")
    @ValueSource(strings = {"", " ", "\t"})
    void blankValuesCountAsUnset(String blank) {
        SmallRyeConfig config =
                config(Map.of("SERVICES_DOMAIN", blank, "RATINGS_HOSTNAME", blank, "RATINGS_SERVICE_PORT", blank));
        assertEquals("http://ratings:9080", url(config, "ratings"));
    }

    @Test
    void surroundingBlanksAreDropped() {
        SmallRyeConfig config = config(Map.of("SERVICES_DOMAIN", " bookinfo ", "RATINGS_HOSTNAME", "ratings-v2 "));
        assertEquals("http://ratings-v2.bookinfo:9080", url(config, "ratings"));
    }

    @Test
    void anExplicitClientUrlWins() {
        SmallRyeConfig config = config(
                Map.of("DETAILS_HOSTNAME", "ignored", "QUARKUS_REST_CLIENT_DETAILS_URL", "http://localhost:9081"));
        assertEquals("http://localhost:9081", url(config, "details"));
        assertEquals("http://reviews:9080", url(config, "reviews"));
    }

    @Test
    void deriveIsAPureFunctionOfTheLookup() {
        Map<String, String> env = Map.of("RATINGS_SERVICE_PORT", "8080");
        assertEquals(
                Map.of(
                        "neighbour.details.url", "http://details:9080",
                        "neighbour.reviews.url", "http://reviews:9080",
                        "neighbour.ratings.url", "http://ratings:8080"),
                NeighbourUrls.derive(name -> Optional.ofNullable(env.get(name))));
    }
}
