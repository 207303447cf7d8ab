package dev.bookinfo.productpage.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WireMock server standing in for Zipkin's {@code /api/v2/spans}, to see the spans productpage exports
 * ({@code OTEL_EXPORTER_ZIPKIN_ENDPOINT}); the batch processor sends every 100 ms.
 */
public class ZipkinCollector implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post("/api/v2/spans").willReturn(aResponse().withStatus(202)));
        return Map.of(
                "bookinfo.tracing.zipkin-endpoint",
                server.baseUrl() + "/api/v2/spans",
                "quarkus.otel.bsp.schedule.delay",
                "100ms");
    }

    /** Every span received so far, in Zipkin's JSON v2. */
    public static List<JsonNode> spans() {
        List<JsonNode> spans = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo("/api/v2/spans")))) {
            try {
                JSON.readTree(request.getBodyAsString()).forEach(spans::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return spans;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
