package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.DemoSessions;
import dev.bookinfo.productpage.testing.Fixtures;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.TracingOn;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What productpage sends to details, reviews and ratings (docs/upstream.md#header-propagation), with tracing on: trace
 * headers are written by OpenTelemetry, {@code end-user} only from the session. With tracing off (the default):
 * {@link TracingOffPropagationTest}.
 */
@QuarkusTest
@TestProfile(TracingOn.class)
@WithTestResource(BackendStubsResource.class)
class HeaderPropagationTest {

    /** Every header productpage copies verbatim, with a sample value. */
    static final Map<String, String> COPIED = Map.ofEntries(
            Map.entry("x-request-id", "5f1c0a9e-9e5c-4d5b-8a53-6d2f1f2d9c11"),
            Map.entry("x-ot-span-context", "ot-span-context-value"),
            Map.entry("x-datadog-trace-id", "1234567890123"),
            Map.entry("x-datadog-parent-id", "987654321"),
            Map.entry("x-datadog-sampling-priority", "1"),
            Map.entry("x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1;o=1"),
            Map.entry("grpc-trace-bin", "AABL+S81d7NNpqPOkp0ODkc2AQDwZ6oLqQK3AgE"),
            Map.entry("sw8", "1-MWYyZDRiZjQ3YmY3MTFlYWI3OTRhY2RlNDgwMDExMjI=-MQ==-0"),
            Map.entry("user-agent", "bookinfo-test/1.0 (header propagation)"),
            Map.entry("cookie", "theme=dark; lang=en"),
            Map.entry("authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"),
            Map.entry("jwt", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));

    static final String B3_TRACE_ID = "80f198ee56343ba8";
    static final String B3_SPAN_ID = "e457b5a2e4d86bd1";
    static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

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

    private LoggedRequest details() {
        return only(backends.details, "/details/0");
    }

    private LoggedRequest reviews() {
        return only(backends.reviews, "/reviews/0");
    }

    private RequestSpecification withCopiedHeaders() {
        RequestSpecification request = given();
        COPIED.forEach(request::header);
        return request;
    }

    @Test
    void pageCopiesEveryListedHeaderToDetailsAndReviews() {
        withCopiedHeaders()
                .header("x-not-on-the-list", "nope")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        for (LoggedRequest request : List.of(details(), reviews())) {
            COPIED.forEach(
                    (name, value) -> assertEquals(value, request.getHeader(name), name + " to " + request.getUrl()));
            assertFalse(request.containsHeader("x-not-on-the-list"), "unlisted header forwarded");
        }
    }

    @Test
    void ratingsRouteCopiesEveryListedHeaderToRatings() {
        withCopiedHeaders()
                .header("x-not-on-the-list", "nope")
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        LoggedRequest ratings = only(backends.ratings, "/ratings/0");
        COPIED.forEach((name, value) -> assertEquals(value, ratings.getHeader(name), name));
        assertFalse(ratings.containsHeader("x-not-on-the-list"));
    }

    @Test
    void detailsAndReviewsRoutesCopyTheListedHeaders() {
        withCopiedHeaders().when().get("/api/v1/products/0").then().statusCode(200);
        withCopiedHeaders().when().get("/api/v1/products/0/reviews").then().statusCode(200);
        COPIED.forEach((name, value) -> {
            assertEquals(value, details().getHeader(name), name);
            assertEquals(value, reviews().getHeader(name), name);
        });
    }

    @Test
    void incomingEndUserIsDroppedWhenLoggedOut() {
        given().header("end-user", "jason").when().get("/productpage").then().statusCode(200);
        given().header("end-user", "jason")
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        assertFalse(details().containsHeader("end-user"));
        assertFalse(reviews().containsHeader("end-user"));
        assertFalse(only(backends.ratings, "/ratings/0").containsHeader("end-user"));
    }

    @Test
    void incomingEndUserIsDroppedInAnySpelling() {
        given().header("END-USER", "jason")
                .when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(200);
        given().header("End-User", "jason")
                .when()
                .get("/api/v1/products/0/reviews")
                .then()
                .statusCode(200);
        assertFalse(details().containsHeader("end-user"));
        assertFalse(reviews().containsHeader("end-user"));
    }

    @Test
    void endUserComesFromTheSessionUser() {
        String cookie = DemoSessions.signIn("jason");
        given().cookie("session", cookie)
                .header("end-user", "mallory")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        given().cookie("session", cookie)
                .header("end-user", "mallory")
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        assertEquals("jason", details().getHeader("end-user"));
        assertEquals("jason", reviews().getHeader("end-user"));
        assertEquals("jason", only(backends.ratings, "/ratings/0").getHeader("end-user"));
        // The session cookie is productpage's credential: it stays here.
        assertFalse(details().containsHeader("cookie"), details().getHeader("cookie"));
    }

    @Test
    void sessionCookiesStayHomeOtherCookiesTravel() {
        String cookie = DemoSessions.signIn("jason");
        String sent = "theme=dark; session=" + cookie + "; q_session=enc; q_session_at=enc; q_session_rt=enc;"
                + " q_auth_0f5c=state; ab-test=b";
        given().header("cookie", sent).when().get("/productpage").then().statusCode(200);
        given().header("cookie", sent)
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        for (LoggedRequest request : List.of(details(), reviews(), only(backends.ratings, "/ratings/0"))) {
            assertEquals("theme=dark; ab-test=b", request.getHeader("cookie"), "cookie to " + request.getUrl());
            assertEquals("jason", request.getHeader("end-user"), "still signed in for " + request.getUrl());
        }
    }

    @Test
    void aSessionCookieSpelledWithALeadingCommaIsReadHereAndStillStaysHome() {
        String cookie = DemoSessions.signIn("jason");
        for (String sent : List.of("theme=dark;,session=" + cookie, "theme=dark; , session=" + cookie)) {
            backends.reset();
            backends.healthy();
            // Vert.x skips the comma and signs jason in from this header: it is the session cookie.
            given().header("cookie", sent)
                    .when()
                    .get("/productpage")
                    .then()
                    .statusCode(200)
                    .body(containsString("<p class=\"user-name\">jason</p>"));
            assertEquals("jason", details().getHeader("end-user"), sent);
            assertEquals("theme=dark", details().getHeader("cookie"), sent);
            assertEquals("theme=dark", reviews().getHeader("cookie"), sent);
        }
    }

    @Test
    void cookieHeaderSplitOverSeveralFieldsIsFilteredAsOne() {
        given().header("cookie", "session=abc")
                .header("cookie", "theme=dark")
                .header("cookie", "q_session_rt=x")
                .when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(200);
        assertEquals("theme=dark", details().getHeader("cookie"));
    }

    @Test
    void noCookieHeaderWhenOnlySessionCookiesCameIn() {
        given().header("cookie", "session=abc; q_session=def")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        assertFalse(details().containsHeader("cookie"), details().getHeader("cookie"));
        assertFalse(reviews().containsHeader("cookie"), reviews().getHeader("cookie"));
    }

    @Test
    void requestIdIsGeneratedWhenAbsentAndSharedByAllCalls() {
        given().when().get("/productpage").then().statusCode(200);
        String requestId = details().getHeader("x-request-id");
        assertTrue(UUID.matcher(requestId).matches(), requestId);
        assertEquals(requestId, reviews().getHeader("x-request-id"));
    }

    @Test
    void b3HeadersAreReencodedByOpenTelemetry() {
        given().header("x-b3-traceid", B3_TRACE_ID)
                .header("x-b3-spanid", B3_SPAN_ID)
                .header("x-b3-parentspanid", "05e3ac9a4f6e3b90")
                .header("x-b3-sampled", "1")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        for (LoggedRequest request : List.of(details(), reviews())) {
            assertEquals("000000000000000080f198ee56343ba8", request.getHeader("x-b3-traceid"));
            String spanId = request.getHeader("x-b3-spanid");
            assertTrue(SPAN_ID.matcher(spanId).matches(), spanId);
            assertEquals("1", request.getHeader("x-b3-sampled"));
            assertEquals("00-000000000000000080f198ee56343ba8-" + spanId + "-01", request.getHeader("traceparent"));
            assertFalse(request.containsHeader("x-b3-parentspanid"), "x-b3-parentspanid forwarded");
            assertFalse(request.containsHeader("x-b3-flags"), "x-b3-flags forwarded");
            assertFalse(request.containsHeader("b3"), "b3 forwarded");
        }
    }

    @Test
    void b3SingleHeaderIsReadButNotForwarded() {
        given().header("b3", B3_TRACE_ID + "-" + B3_SPAN_ID + "-1")
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        LoggedRequest ratings = only(backends.ratings, "/ratings/0");
        assertEquals("000000000000000080f198ee56343ba8", ratings.getHeader("x-b3-traceid"));
        assertEquals("1", ratings.getHeader("x-b3-sampled"));
        assertFalse(ratings.containsHeader("b3"), "b3 forwarded");
    }

    @Test
    void unsampledB3TraceStaysUnsampled() {
        given().header("x-b3-traceid", B3_TRACE_ID)
                .header("x-b3-spanid", B3_SPAN_ID)
                .header("x-b3-sampled", "0")
                .when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(200);
        LoggedRequest details = details();
        assertEquals("000000000000000080f198ee56343ba8", details.getHeader("x-b3-traceid"));
        assertEquals("0", details.getHeader("x-b3-sampled"));
        assertTrue(details.getHeader("traceparent").endsWith("-00"), details.getHeader("traceparent"));
    }

    @Test
    void b3DebugFlagMeansSampledAndIsNotForwarded() {
        given().header("x-b3-traceid", B3_TRACE_ID)
                .header("x-b3-spanid", B3_SPAN_ID)
                .header("x-b3-flags", "1")
                .when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(200);
        LoggedRequest details = details();
        assertEquals("1", details.getHeader("x-b3-sampled"));
        assertFalse(details.containsHeader("x-b3-flags"));
    }

    @Test
    void w3cTraceContextIsContinued() {
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .header("tracestate", "congo=t61rcWkgMzE")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        for (LoggedRequest request : List.of(details(), reviews())) {
            String traceparent = request.getHeader("traceparent");
            assertTrue(traceparent.startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-"), traceparent);
            assertFalse(traceparent.contains("00f067aa0ba902b7"), "a new span id per call");
            assertEquals("congo=t61rcWkgMzE", request.getHeader("tracestate"));
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", request.getHeader("x-b3-traceid"));
        }
    }

    @Test
    void retriedReviewsCallCarriesTheSameHeaders() {
        backends.reviews("0", BackendStubs.json(503, "{}"));
        withCopiedHeaders()
                .header("x-b3-traceid", B3_TRACE_ID)
                .header("x-b3-spanid", B3_SPAN_ID)
                .header("x-b3-sampled", "1")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        List<LoggedRequest> attempts = backends.reviews.findAll(getRequestedFor(urlEqualTo("/reviews/0")));
        assertEquals(2, attempts.size());
        for (LoggedRequest attempt : attempts) {
            COPIED.forEach((name, value) -> assertEquals(value, attempt.getHeader(name), name));
            assertEquals("000000000000000080f198ee56343ba8", attempt.getHeader("x-b3-traceid"));
        }
    }

    @Test
    void reviewsFixtureIsUsable() {
        backends.reviews("0", BackendStubs.json(Fixtures.REVIEWS_V1));
        given().when().get("/api/v1/products/0/reviews").then().statusCode(200);
        assertTrue(reviews().containsHeader("traceparent"), "a new trace when none came in");
    }
}
