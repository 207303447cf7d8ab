package dev.bookinfo.productpage.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tracing on without an exporter endpoint: spans are made (and sent nowhere), and OpenTelemetry writes the trace
 * headers on the backend calls. Tracing is off by default, when no endpoint is set.
 */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("bookinfo.tracing.off", "false");
    }
}
