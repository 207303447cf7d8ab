package dev.bookinfo.productpage.rest;

import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} (docs/upstream.md#productpage-routes): {@code request_result_total}, one increment per logical call.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class MetricsTest {

    @InjectBackends
    BackendStubs backends;

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    @Test
    void metricsArePrometheusText() {
        given().when().get("/api/v1/products/0").then().statusCode(200);
        given().when()
                .get("/metrics")
                .then()
                .statusCode(200)
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .body(containsString("# TYPE request_result_total counter\n"))
                .body(containsString("request_result_total{destination_app=\"details\",response_code=\"200\","));
    }

    @Test
    void eachPageCountsOneDetailsAndOneReviewsCall() {
        double details = Pages.requestResults("details", 200);
        double reviews = Pages.requestResults("reviews", 200);
        double ratings = Pages.requestResults("ratings", 200);
        Pages.productPage();
        assertEquals(details + 1, Pages.requestResults("details", 200));
        assertEquals(reviews + 1, Pages.requestResults("reviews", 200));
        assertEquals(ratings, Pages.requestResults("ratings", 200));
    }

    @Test
    void failedStatusesAreCountedWithTheirCode() {
        backends.ratings("0", json(503, "{}"));
        double before = Pages.requestResults("ratings", 503);
        given().when().get("/api/v1/products/0/ratings").then().statusCode(503);
        assertEquals(before + 1, Pages.requestResults("ratings", 503));
    }

    @Test
    void retriedReviewsCountOnceWithTheLastStatus() {
        backends.reviews("0", json(555, "{}"));
        double before = Pages.requestResults("reviews", 555);
        given().when().get("/api/v1/products/0/reviews").then().statusCode(555);
        assertEquals(before + 1, Pages.requestResults("reviews", 555));
    }

    @Test
    void connectionErrorsCountAs500() {
        backends.details("0", WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        double before = Pages.requestResults("details", 500);
        given().when().get("/api/v1/products/0").then().statusCode(500);
        assertEquals(before + 1, Pages.requestResults("details", 500));
    }

    /**
     * Besides request_result, upstream's /metrics has the runtime's own collectors (Python gc, process); here the
     * JVM and process meters, and the page's requests by route and status with latency buckets. Micrometer's
     * per-exchange HTTP client, Netty and worker-pool meters stay off (their cost shows in bench/README.md), so they
     * must not come back unnoticed with an extension update.
     */
    @Test
    void runtimeAndRequestMetersWithoutPerExchangeClientMeters() {
        given().when().get("/productpage").then().statusCode(200);
        given().when()
                .get("/metrics")
                .then()
                .statusCode(200)
                .body(containsString("\njvm_memory_used_bytes{"))
                .body(containsString("\njvm_gc_"))
                .body(containsString("\nprocess_cpu_usage "))
                .body(containsString("\nprocess_uptime_seconds "))
                .body(matchesPattern("(?s).*\nhttp_server_requests_seconds_bucket\\{[^}]*status=\"200\""
                        + "[^}]*uri=\"/productpage\"[^}]*le=\"0\\.05\".*"))
                .body(not(containsString("uri=\"/metrics\"")))
                .body(not(containsString("http_client_requests")))
                .body(not(containsString("worker_pool")))
                .body(not(containsString("netty_")));
    }

    @Test
    void quarkusMetricsStayUnderQ() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("request_result_total"));
    }

    /**
     * The static files have no route template, and a client can spell their paths in endless ways that Vert.x serves
     * (double slashes, dot segments, encoded letters): they are one route, {@code /static/{file}}, and a spelling no
     * route matches is one of Quarkus' fixed values ({@code NOT_FOUND}...), never the path as sent.
     */
    @Test
    void staticFilesAreOneRouteHoweverSpelled() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : List.of(
                "/static/css/bookinfo.css",
                "/static//css/bookinfo.css",
                "/static/./css/bookinfo.css",
                "/a/../static/css/bookinfo.css",
                "/%73tatic/css/bookinfo.css",
                "//static/js/bookinfo.js",
                "/static/nothing-here.css")) {
            int status = client.send(
                            HttpRequest.newBuilder(URI.create("http://" + root.getAuthority() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertTrue(status < 500, path + ": " + status);
        }
        String metrics =
                given().when().get("/metrics").then().statusCode(200).extract().asString();
        assertTrue(
                metrics.contains("status=\"200\",uri=\"/static/{file}\""),
                "no series for the static files:\n" + metrics);
        Matcher uri = Pattern.compile("\nhttp_server_requests_seconds_count\\{.*uri=\"([^\"]*)\"")
                .matcher(metrics);
        while (uri.find()) {
            assertTrue(
                    uri.group(1).startsWith("/")
                                    && !uri.group(1).contains(".")
                                    && !uri.group(1).contains("%")
                            || List.of("root", "NOT_FOUND", "REDIRECTION", "UNKNOWN")
                                    .contains(uri.group(1)),
                    "a path as sent: " + uri.group());
        }
    }
}
