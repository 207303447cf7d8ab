package dev.bookinfo.ratings.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server that takes whatever spans ratings sends, on Zipkin's {@code /api/v2/spans} and OTLP/HTTP's
 * {@code /v1/traces}, so a test can look at them. The {@code exporter} init argument picks which one ratings is
 * configured for ({@code zipkin} or {@code otlp}); the batch processor is told to send after 100 ms.
 */
public class SpanCollector implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;
    private String exporter;

    @Override
    public void init(Map<String, String> initArgs) {
        exporter = initArgs.getOrDefault("exporter", "zipkin");
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post("/api/v2/spans").willReturn(aResponse().withStatus(202)));
        server.stubFor(post("/v1/traces")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-protobuf")));
        String base = "http://localhost:" + server.port();
        return "otlp".equals(exporter)
                ? Map.of(
                        "bookinfo.tracing.otlp-endpoint",
                        base,
                        "quarkus.otel.exporter.otlp.traces.endpoint",
                        base,
                        "quarkus.otel.exporter.otlp.traces.protocol",
                        "http/protobuf",
                        "quarkus.otel.bsp.schedule.delay",
                        "100ms")
                : Map.of(
                        "bookinfo.tracing.zipkin-endpoint",
                        base + "/api/v2/spans",
                        "quarkus.otel.bsp.schedule.delay",
                        "100ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
