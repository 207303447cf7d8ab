package dev.bookinfo.details.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's {@code /health} (docs/upstream.md#details-routes) and the Kubernetes probes. */
@QuarkusTest
class HealthResourceTest {

    static final String HEALTHY = "{\"status\":\"Details is healthy\"}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/health", "/health/", "/health/live", "/health/any/deeper/path?x=1"})
    void healthAndAnyPathBelowItAreHealthy(String path) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HEALTHY));
    }

    @Test
    void postAndPutAreHealthyToo() {
        given().contentType("text/plain")
                .body("x")
                .post("/health")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HEALTHY));
        given().put("/health/x")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HEALTHY));
    }

    @Test
    void headIsHealthyWithoutABody() {
        given().head("/health")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(emptyString()));
    }

    @Test
    void deleteAndPatchGet405() {
        given().delete("/health")
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, POST, PUT, OPTIONS")
                .body(is(emptyString()));
        given().patch("/health/x")
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, POST, PUT, OPTIONS")
                .body(is(emptyString()));
    }

    @Test
    void healthzIsNotHealth() {
        given().get("/healthz").then().statusCode(404);
    }

    /** Readiness includes Quarkus' shutdown check, which turns DOWN during the shutdown delay (docs/reliability.md). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/health"})
    void kubernetesProbesAreUp(String path) {
        Map<String, Object> body = given().get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8")
                .extract()
                .jsonPath()
                .getMap("$");
        List<Map<String, String>> checks =
                path.endsWith("/live") ? List.of() : List.of(Map.of("name", "Graceful Shutdown", "status", "UP"));
        assertEquals(Map.of("status", "UP", "checks", checks), body);
    }
}
