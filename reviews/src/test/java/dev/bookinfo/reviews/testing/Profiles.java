package dev.bookinfo.reviews.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The three upstream deployments (docs/upstream.md#reviews-variants), set through the upstream environment variable
 * names (as config overrides, which the app reads exactly like environment variables). Maven runs the tests with
 * {@code HOSTNAME}, {@code CLUSTER_NAME}, {@code ENABLE_RATINGS}, {@code STAR_COLOR} and the ratings host variables
 * removed from the environment (see the module pom), so "unset" really means unset.
 */
public final class Profiles {

    private Profiles() {}

    /** reviews-v1: ENABLE_RATINGS, STAR_COLOR, HOSTNAME and CLUSTER_NAME unset. */
    public static class V1 implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockRatings.class));
        }
    }

    /** reviews-v2: ratings on, STAR_COLOR unset (black), HOSTNAME set, CLUSTER_NAME unset. */
    public static class V2 implements QuarkusTestProfile {
        public static final String HOSTNAME = "reviews-v2-5c8c9f7b9d-k2x7q";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ENABLE_RATINGS", "true", "HOSTNAME", HOSTNAME);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockRatings.class));
        }
    }

    /** reviews-v3: ratings on (spelled TRUE: any case enables), red stars, HOSTNAME and CLUSTER_NAME set. */
    /** v2 with tracing on (spans made, exported nowhere): OpenTelemetry writes the trace headers. */
    public static class V2Traced extends V2 {
        @Override
        public Map<String, String> getConfigOverrides() {
            return tracingOn(super.getConfigOverrides());
        }
    }

    public static class V3 implements QuarkusTestProfile {
        public static final String HOSTNAME = "reviews-v3-7d9f8b6c5-m4n8p";
        public static final String CLUSTER_NAME = "cluster-east";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ENABLE_RATINGS", "TRUE", "STAR_COLOR", "red", "HOSTNAME", HOSTNAME, "CLUSTER_NAME", CLUSTER_NAME);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockRatings.class));
        }
    }

    /** v2 with the ratings timeout shortened from 10 s to {@value #TIMEOUT_MILLIS} ms. */
    public static class SlowRatings implements QuarkusTestProfile {
        public static final long TIMEOUT_MILLIS = 500;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ENABLE_RATINGS", "true", "bookinfo.ratings-timeout", TIMEOUT_MILLIS + "ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(WireMockRatings.class));
        }
    }

    /** v2 with ratings down: nothing listens on the ratings port. */
    public static class RatingsDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ENABLE_RATINGS", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ClosedPortRatings.class));
        }
    }

    /** RatingsDown with tracing on: log lines carry the server span's ids. */
    public static class RatingsDownTraced extends RatingsDown {
        @Override
        public Map<String, String> getConfigOverrides() {
            return tracingOn(super.getConfigOverrides());
        }
    }

    /** Tracing is off by default (no exporter endpoint); on, without an endpoint, spans are made and not sent. */
    static Map<String, String> tracingOn(Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(overrides);
        all.put("bookinfo.tracing.off", "false");
        return all;
    }
}
