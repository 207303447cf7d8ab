package dev.bookinfo.ratings.rest;

import static dev.bookinfo.ratings.rest.UnavailableVariantTogglingTest.awaitPhase;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_VERSION=v-unhealthy with a 1 s period: health, readiness and GET /ratings fail together and
 * recover together, liveness and POST are unaffected (docs/upstream.md#ratings-variants).
 */
@QuarkusTest
@TestProfile(UnhealthyVariantTogglingTest.ShortPeriod.class)
class UnhealthyVariantTogglingTest {

    public static class ShortPeriod implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SERVICE_VERSION", "v-unhealthy", "FAULT_UNHEALTHY_PERIOD", "1s");
        }
    }

    @Test
    void togglesHealthReadinessAndAvailabilityTogether() {
        awaitPhase(() -> {
            given().when()
                    .get("/health")
                    .then()
                    .statusCode(500)
                    .header("Content-Type", "application/json")
                    .body(is("{\"status\":\"Ratings is not healthy\"}"));
            given().when()
                    .get("/ratings/0")
                    .then()
                    .statusCode(503)
                    .header("Content-Type", "application/json")
                    .body(is("{\"error\":\"Service unavailable\"}"));
            given().when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("status", is("DOWN"))
                    .body("checks.find { it.name == 'ratings' }.status", is("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
            given().body("{\"Reviewer2\":1}")
                    .when()
                    .post("/ratings/500")
                    .then()
                    .statusCode(200)
                    .body(is("{\"id\":500,\"ratings\":{\"Reviewer2\":1}}"));
            given().when().get("/health").then().statusCode(500);
        });
        awaitPhase(() -> {
            given().when()
                    .get("/health")
                    .then()
                    .statusCode(200)
                    .header("Content-Type", "application/json")
                    .body(is(HealthTest.HEALTHY));
            given().when()
                    .get("/ratings/500")
                    .then()
                    .statusCode(200)
                    .body(is("{\"id\":500,\"ratings\":{\"Reviewer2\":1}}"));
            given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
            given().when().get("/health").then().statusCode(200);
        });
    }
}
