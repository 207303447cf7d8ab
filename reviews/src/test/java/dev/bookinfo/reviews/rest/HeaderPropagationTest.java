package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.reviews.testing.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.stars;
import static dev.bookinfo.reviews.testing.ExpectedBodies.withRatings;
import static dev.bookinfo.reviews.testing.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.common.PropagatedHeaders;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * reviews → ratings (docs/upstream.md#header-propagation): every listed header reaches ratings (including
 * {@code end-user}, {@code authorization}, {@code cookie} and {@code user-agent}), and nothing else, e.g. not the
 * single {@code b3} header; the {@code cookie} without productpage's session cookies. The trace headers
 * ({@link PropagatedHeaders#WRITTEN_BY_TRACING}) are OpenTelemetry's when tracing is on, as here: the same trace, the
 * same sampling decision, but reviews' own client span as the parent, and one value each. With tracing off (the
 * default) they are copied: {@link HeaderPropagationTracingOffTest}.
 */
@QuarkusTest
@TestProfile(Profiles.V2Traced.class)
class HeaderPropagationTest {

    /**
     * All 20 propagated names (docs/upstream.md#header-propagation), some sent in mixed case: names are compared
     * without regard to case.
     */
    static final Map<String, String> PROPAGATED = new LinkedHashMap<>();

    static {
        PROPAGATED.put("X-Request-Id", "5f2c1a3e-9b7d-4e21-8c55-0d7e6f1a2b3c");
        PROPAGATED.put("x-ot-span-context", "4bf92f3577b34da6;00f067aa0ba902b7;true");
        PROPAGATED.put("x-datadog-trace-id", "1234567890123456789");
        PROPAGATED.put("x-datadog-parent-id", "987654321");
        PROPAGATED.put("x-datadog-sampling-priority", "1");
        PROPAGATED.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        PROPAGATED.put("tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
        PROPAGATED.put("x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1;o=1");
        PROPAGATED.put("grpc-trace-bin", "AABL+S81d7NNpqPOkp0ODkc2AQDwZ6oLqQK3AgE=");
        PROPAGATED.put("X-B3-TraceId", "80f198ee56343ba8");
        PROPAGATED.put("x-b3-spanid", "e457b5a2e4d86bd1");
        PROPAGATED.put("x-b3-parentspanid", "05e3ac9a4f6e3b90");
        PROPAGATED.put("x-b3-sampled", "true");
        PROPAGATED.put("x-b3-flags", "1");
        PROPAGATED.put(
                "sw8",
                "1-MWYyZDRiZjQ3YmY3MTFlYWI3OTRhY2RlNDgwMDExMjI=-MQ==-0-c2VydmljZQ==-aW5zdGFuY2U=-L2FwaQ==-ZXhhbXBsZS5jb206ODA4MA==");
        PROPAGATED.put("End-User", "jason");
        PROPAGATED.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) bookinfo-test");
        PROPAGATED.put("cookie", "theme=dark; user=jason");
        PROPAGATED.put("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYXNvbiJ9.c2lnbmF0dXJl");
        PROPAGATED.put("jwt", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYXNvbiJ9.c2lnbmF0dXJl");
    }

    private static final String B3_TRACE_ID = "80f198ee56343ba864fe8b2a57d3eff7";
    private static final String B3_SPAN_ID = "e457b5a2e4d86bd1";

    /** Not on the list: must not reach ratings. */
    static final Map<String, String> NOT_PROPAGATED = Map.of(
            "b3", "80f198ee56343ba8-e457b5a2e4d86bd1-1",
            "x-custom", "keep-me-here",
            "accept-language", "de-CH",
            "x-forwarded-for", "203.0.113.7");

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
        ratings.stubFor(
                get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
    }

    @Test
    void copiesTheListedHeadersAndNothingElse() {
        given().headers(PROPAGATED)
                .headers(NOT_PROPAGATED)
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("0", Profiles.V2.HOSTNAME, "null", stars(5, "black"), stars(4, "black"))));

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        assertEquals(20, PROPAGATED.size());
        PROPAGATED.forEach((name, value) -> {
            if (!PropagatedHeaders.WRITTEN_BY_TRACING.contains(name.toLowerCase(Locale.ROOT))) {
                assertEquals(List.of(value), received.getHeader(name).values(), "header " + name);
            } else if (received.getHeader(name).isPresent()) {
                assertEquals(1, received.getHeader(name).values().size(), "one value of " + name);
            }
        });
        NOT_PROPAGATED
                .keySet()
                .forEach(name -> assertFalse(
                        received.getHeader(name).isPresent(), "header " + name + " must not reach ratings"));
        assertEquals(List.of("application/json"), received.getHeader("Accept").values());
    }

    /** productpage's session cookies are its credentials alone: ratings never gets them, other cookies still go. */
    @Test
    void leavesProductpageSessionCookiesOutOfTheForwardedCookie() {
        given().header(
                        "Cookie",
                        "q_session=eyJhbGciOiJkaXIi.enc; theme=dark; q_session_at_chunk_1=part; "
                                + "session=eyJ1c2VyIjoiamFzb24ifQ.Zx1; q_auth_7c2a=state; user=jason; q_post_logout=x")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        assertEquals(
                List.of("theme=dark; user=jason"),
                onlyRatingsRequest().getHeaders().getHeader("Cookie").values());
    }

    @Test
    void sendsNoCookieHeaderWhenOnlySessionCookiesCame() {
        given().header("Cookie", "q_session=eyJhbGciOiJkaXIi.enc; session=eyJ1c2VyIjoiamFzb24ifQ.Zx1")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        assertFalse(onlyRatingsRequest().getHeaders().getHeader("Cookie").isPresent(), "no Cookie header expected");
    }

    @Test
    void continuesIstiosTraceWithItsOwnSpanAsParent() {
        given().header("x-b3-traceid", B3_TRACE_ID)
                .header("x-b3-spanid", B3_SPAN_ID)
                .header("x-b3-parentspanid", "05e3ac9a4f6e3b90")
                .header("x-b3-sampled", "1")
                .header("traceparent", "00-" + B3_TRACE_ID + "-" + B3_SPAN_ID + "-01")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        assertEquals(List.of(B3_TRACE_ID), received.getHeader("x-b3-traceid").values());
        String spanId = received.getHeader("x-b3-spanid").firstValue();
        assertTrue(spanId.matches("[0-9a-f]{16}") && !spanId.equals(B3_SPAN_ID), spanId);
        assertEquals(List.of("1"), received.getHeader("x-b3-sampled").values());
        assertEquals(
                List.of("00-" + B3_TRACE_ID + "-" + spanId + "-01"),
                received.getHeader("traceparent").values());
        assertFalse(
                received.getHeader("x-b3-parentspanid").isPresent(),
                "x-b3-parentspanid names a span that is" + " no longer the parent");
    }

    @Test
    void keepsIstiosDecisionNotToSample() {
        given().header("x-b3-traceid", B3_TRACE_ID)
                .header("x-b3-spanid", B3_SPAN_ID)
                .header("x-b3-sampled", "0")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        assertEquals(List.of(B3_TRACE_ID), received.getHeader("x-b3-traceid").values());
        assertEquals(List.of("0"), received.getHeader("x-b3-sampled").values());
        assertTrue(
                received.getHeader("traceparent").firstValue().endsWith("-00"),
                received.getHeader("traceparent").firstValue());
    }

    @Test
    void keepsTheDebugFlag() {
        given().header("x-b3-traceid", B3_TRACE_ID)
                .header("x-b3-spanid", B3_SPAN_ID)
                .header("x-b3-flags", "1")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        assertEquals(List.of("1"), received.getHeader("x-b3-flags").values());
        assertTrue(received.getHeader("traceparent").firstValue().endsWith("-01"), "debug means sampled");
    }

    @Test
    void startsATraceWhenNoneArrives() {
        given().when().get("/reviews/0").then().statusCode(200);

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        String traceId = received.getHeader("x-b3-traceid").firstValue();
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        assertEquals(
                List.of("00-" + traceId + "-"
                        + received.getHeader("x-b3-spanid").firstValue() + "-01"),
                received.getHeader("traceparent").values());
    }

    private LoggedRequest onlyRatingsRequest() {
        List<LoggedRequest> requests = ratings.findAll(getRequestedFor(urlEqualTo("/ratings/0")));
        assertEquals(1, requests.size(), "ratings requests");
        return requests.get(0);
    }
}
