package dev.bookinfo.productpage.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backend URLs from the upstream env vars (docs/upstream.md#backend-addresses), through the real config source factory.
 */
class BackendUrlsTest {

    private static SmallRyeConfig config(Map<String, String> env, Map<String, String> applicationProperties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(env, "env", 300))
                .withSources(new PropertiesConfigSource(applicationProperties, "application.properties", 250))
                .withSources(new BackendUrlConfigSourceFactory())
                .build();
    }

    private static String url(SmallRyeConfig config, String backend) {
        return config.getValue("quarkus.rest-client." + backend + ".url", String.class);
    }

    @Test
    void defaultsAreTheKubernetesServiceNamesOnPort9080() {
        SmallRyeConfig config = config(Map.of(), Map.of());
        assertEquals("http://details:9080", url(config, "details"));
        assertEquals("http://reviews:9080", url(config, "reviews"));
        assertEquals("http://ratings:9080", url(config, "ratings"));
    }

    @Test
    void hostnamesPortsAndDomainComeFromTheEnvironment() {
        SmallRyeConfig config = config(Map.of(
                "SERVICES_DOMAIN", "default.svc.cluster.local",
                "DETAILS_HOSTNAME", "details-v2",
                "DETAILS_SERVICE_PORT", "9081",
                "REVIEWS_SERVICE_PORT", "9082",
                "RATINGS_HOSTNAME", "ratings-canary"), Map.of());
        assertEquals("http://details-v2.default.svc.cluster.local:9081", url(config, "details"));
        assertEquals("http://reviews.default.svc.cluster.local:9082", url(config, "reviews"));
        assertEquals("http://ratings-canary.default.svc.cluster.local:9080", url(config, "ratings"));
    }

    @Test
    void kubernetesServiceLinkVariablesAreIgnored() {
        SmallRyeConfig config = config(Map.of(
                "DETAILS_PORT", "tcp://10.0.0.1:9080",
                "DETAILS_PORT_9080_TCP_ADDR", "10.0.0.1",
                "REVIEWS_PORT", "tcp://10.0.0.2:9080",
                "RATINGS_SERVICE_HOST", "10.0.0.3"), Map.of());
        assertEquals("http://details:9080", url(config, "details"));
        assertEquals("http://reviews:9080", url(config, "reviews"));
        assertEquals("http://ratings:9080", url(config, "ratings"));
    }

    @Test
    void blankValuesCountAsUnset() {
        SmallRyeConfig config = config(Map.of("SERVICES_DOMAIN", " ", "DETAILS_HOSTNAME", " "), Map.of());
        assertEquals("http://details:9080", url(config, "details"));
    }

    @Test
    void anExplicitUrlWins() {
        SmallRyeConfig config = config(Map.of("DETAILS_HOSTNAME", "ignored"),
                Map.of("quarkus.rest-client.details.url", "http://localhost:9081"));
        assertEquals("http://localhost:9081", url(config, "details"));
        assertEquals("http://reviews:9080", url(config, "reviews"));
    }

    @Test
    void deriveIsAPureFunctionOfTheLookup() {
        Map<String, String> env = Map.of("RATINGS_SERVICE_PORT", "8080");
        assertEquals(Map.of(
                "quarkus.rest-client.details.url", "http://details:9080",
                "quarkus.rest-client.reviews.url", "http://reviews:9080",
                "quarkus.rest-client.ratings.url", "http://ratings:8080"),
                BackendUrls.derive(name -> java.util.Optional.ofNullable(env.get(name))));
    }
}
