package dev.bookinfo.productpage.rest;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Upstream's Prometheus endpoint, which the productpage pod annotations point at
 * ({@code prometheus.io/path: /metrics}). Same registry as Quarkus' {@code /q/metrics}, including
 * {@code request_result_total}. Hand-written because Micrometer's endpoint serves one path
 * ({@code quarkus.micrometer.export.prometheus.path}): set to {@code /metrics} it would take away productpage's
 * {@code /q/metrics}, which every service serves alike (MetricsTest#quarkusMetricsStayUnderQ).
 */
@Path("/metrics")
public class MetricsResource {

    /** The Prometheus text format 0.0.4 (upstream said text/html, which Prometheus 3 rejects). */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsResource(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GET
    public RestResponse<String> metrics() {
        return RestResponse.ResponseBuilder.ok(registry.scrape())
                .header(HttpHeaders.CONTENT_TYPE, PROMETHEUS_TEXT)
                .build();
    }
}
