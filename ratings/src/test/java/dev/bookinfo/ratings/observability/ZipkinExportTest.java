package dev.bookinfo.ratings.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With {@code OTEL_EXPORTER_ZIPKIN_ENDPOINT} set, ratings' server spans reach Zipkin's API in its JSON v2 format,
 * in the trace Istio started (B3 headers), as children of the sidecar's span, tagged with the request id and the
 * end user; a trace Istio chose not to sample is not sent.
 */
@QuarkusTest
@WithTestResource(value = SpanCollector.class)
class ZipkinExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sendsTheServerSpanToZipkinInIstiosTrace() {
        String traceId = "463ac35c9f6413ad48485a3953bb6124";
        given().header("x-b3-traceid", traceId)
                .header("x-b3-spanid", "a2fb4a1d1a96d312")
                .header("x-b3-sampled", "1")
                .header("x-request-id", "zipkin-export-1")
                .header("end-user", "jason")
                .when()
                .get("/ratings/0")
                .then()
                .statusCode(200);

        JsonNode span = await().atMost(Duration.ofSeconds(20))
                .until(() -> spanOfTrace(traceId), Optional::isPresent)
                .get();
        assertEquals("SERVER", span.path("kind").asText());
        assertEquals("a2fb4a1d1a96d312", span.path("parentId").asText(), "child of the caller's span");
        assertEquals("ratings", span.path("localEndpoint").path("serviceName").asText());
        assertEquals(
                "zipkin-export-1", span.path("tags").path("guid:x-request-id").asText());
        assertEquals("jason", span.path("tags").path("enduser.id").asText());
        assertEquals("200", span.path("tags").path("http.response.status_code").asText());
        assertTrue(
                span.path("name").asText().contains("/ratings/"),
                span.path("name").asText());
    }

    @Test
    void sendsNothingOfATraceIstioDidNotSample() throws Exception {
        String unsampled = "5b8aa5a2d2c872e8321cf37308d69df2";
        given().header("x-b3-traceid", unsampled)
                .header("x-b3-spanid", "051581bf3cb55c13")
                .header("x-b3-sampled", "0")
                .when()
                .get("/ratings/0")
                .then()
                .statusCode(200);
        String sampled = "6e0c63257de34c92bf9efcd03927272e";
        given().header("x-b3-traceid", sampled)
                .header("x-b3-spanid", "051581bf3cb55c14")
                .header("x-b3-sampled", "1")
                .when()
                .get("/ratings/0")
                .then()
                .statusCode(200);

        // Spans leave in the order they end: once the later, sampled one is there, the other would be too.
        await().atMost(Duration.ofSeconds(20)).until(() -> spanOfTrace(sampled), Optional::isPresent);
        assertTrue(spanOfTrace(unsampled).isEmpty(), "a span of the unsampled trace reached Zipkin");
    }

    private static Optional<JsonNode> spanOfTrace(String traceId) throws Exception {
        List<JsonNode> spans = new ArrayList<>();
        for (LoggedRequest request : SpanCollector.server.findAll(postRequestedFor(urlEqualTo("/api/v2/spans")))) {
            JSON.readTree(request.getBodyAsString()).forEach(spans::add);
        }
        return spans.stream()
                .filter(span -> traceId.equals(span.path("traceId").asText()))
                .findFirst();
    }
}
