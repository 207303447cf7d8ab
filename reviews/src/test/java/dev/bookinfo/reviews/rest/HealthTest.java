package dev.bookinfo.reviews.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Upstream's {@code GET /health} (docs/upstream.md#reviews-response), plus the Kubernetes probe endpoints. */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class HealthTest {

    /** SmallRye Health's format; liveness has no checks. */
    private static final String UP = "{\n    \"status\": \"UP\",\n    \"checks\": [\n    ]\n}";

    @Test
    void healthIsUpstreamsExactJson() {
        given().when()
                .get("/health")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json;charset=UTF-8")
                .body(is("{\"status\": \"Reviews is healthy\"}"));
    }

    @Test
    void livenessProbeIsUp() {
        given().when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(is(UP));
    }

    /** Readiness has Quarkus' shutdown check, DOWN during the shutdown delay (docs/reliability.md). */
    @Test
    void readinessProbeIsUp() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json; charset=UTF-8")
                .body("status", is("UP"))
                .body("checks.name", contains("Graceful Shutdown"))
                .body("checks.status", contains("UP"));
    }
}
