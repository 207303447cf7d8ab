package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.InjectBackends;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With tracing off (the default: no exporter endpoint) productpage makes no spans and still carries the trace on, the
 * way upstream's productpage does without its instrumentation (docs/upstream.md#b3-in-productpage): the incoming B3
 * or W3C context goes to every backend re-encoded, with the span id it came with, one value per header; without an
 * incoming trace, no trace header at all. The copied headers are as with tracing on (HeaderPropagationTest).
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class TracingOffPropagationTest {

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    private static LoggedRequest only(WireMockServer server, String url) {
        List<LoggedRequest> requests = server.findAll(getRequestedFor(urlEqualTo(url)));
        assertEquals(1, requests.size(), "requests to " + url);
        return requests.get(0);
    }

    @Test
    void b3ContextGoesOnReencodedWithTheIncomingSpanId() {
        given().header("x-b3-traceid", HeaderPropagationTest.B3_TRACE_ID)
                .header("x-b3-spanid", HeaderPropagationTest.B3_SPAN_ID)
                .header("x-b3-parentspanid", "05e3ac9a4f6e3b90")
                .header("x-b3-sampled", "1")
                .header("x-request-id", "tracing-off-1")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        List<LoggedRequest> calls = List.of(only(backends.details, "/details/0"), only(backends.reviews, "/reviews/0"));
        for (LoggedRequest request : calls) {
            assertEquals(
                    List.of("000000000000000080f198ee56343ba8"),
                    request.header("x-b3-traceid").values());
            assertEquals(
                    List.of(HeaderPropagationTest.B3_SPAN_ID),
                    request.header("x-b3-spanid").values());
            assertEquals(List.of("1"), request.header("x-b3-sampled").values());
            assertEquals(
                    List.of("00-000000000000000080f198ee56343ba8-" + HeaderPropagationTest.B3_SPAN_ID + "-01"),
                    request.header("traceparent").values());
            assertFalse(request.containsHeader("x-b3-parentspanid"), "x-b3-parentspanid forwarded");
            assertEquals(
                    List.of("tracing-off-1"), request.header("x-request-id").values());
        }
    }

    @Test
    void w3cContextGoesOnToRatingsWithItsState() {
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")
                .header("tracestate", "rojo=00f067aa0ba902b7")
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        LoggedRequest ratings = only(backends.ratings, "/ratings/0");
        assertEquals(
                List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"),
                ratings.header("traceparent").values());
        assertEquals(
                List.of("rojo=00f067aa0ba902b7"), ratings.header("tracestate").values());
        assertEquals(List.of("0"), ratings.header("x-b3-sampled").values(), "Istio's decision not to sample");
    }

    @Test
    void noTraceHeaderWithoutAnIncomingTrace() {
        given().when().get("/productpage").then().statusCode(200);
        LoggedRequest reviews = only(backends.reviews, "/reviews/0");
        for (String name : List.of("traceparent", "tracestate", "x-b3-traceid", "x-b3-spanid", "x-b3-sampled")) {
            assertFalse(reviews.containsHeader(name), name + " sent without an incoming trace");
        }
    }
}
