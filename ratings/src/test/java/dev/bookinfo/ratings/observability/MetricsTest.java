package dev.bookinfo.ratings.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Prometheus metrics at {@code /q/metrics}: requests by route template and status with latency buckets, JVM
 * meters; probes and scrapes are not counted.
 */
@QuarkusTest
class MetricsTest {

    @Test
    void countsRequestsByRouteAndStatusWithLatencyBuckets() {
        given().when().get("/ratings/1").then().statusCode(200);
        given().when().get("/ratings/abc").then().statusCode(400);
        given().when().delete("/ratings/2").then().statusCode(405);
        given().when().get("/q/health/ready").then().statusCode(200);

        String metrics = given().accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("text/plain"))
                .extract()
                .asString();
        assertThat(
                metrics,
                matchesPattern("(?s).*\nhttp_server_requests_seconds_count\\{"
                        + "[^}]*status=\"200\"[^}]*uri=\"/ratings/\\{id: \\.\\*}\"[^}]*} [1-9].*"));
        assertThat(
                metrics,
                matchesPattern("(?s).*\nhttp_server_requests_seconds_count\\{"
                        + "[^}]*status=\"400\"[^}]*uri=\"/ratings/\\{id: \\.\\*}\"[^}]*} [1-9].*"));
        // A 405 is recorded under the route its path matched (common's ErrorMappers), as a 200 is, not the path.
        assertThat(
                metrics,
                matchesPattern("(?s).*\nhttp_server_requests_seconds_count\\{method=\"DELETE\","
                        + "[^}]*status=\"405\"[^}]*uri=\"/ratings/\\{id: \\.\\*}\"[^}]*} [1-9].*"));
        assertThat(metrics, not(containsString("uri=\"/ratings/2\"")));
        assertThat(metrics, containsString("le=\"0.025\""));
        assertThat(metrics, containsString("\njvm_memory_used_bytes{"));
        assertThat(metrics, not(containsString("uri=\"/q/")));
        assertThat(metrics, not(containsString("worker_pool")));
        assertThat(metrics, not(containsString("http_server_bytes")));
    }
}
