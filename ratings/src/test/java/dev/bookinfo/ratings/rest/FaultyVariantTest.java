package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_VERSION=v-faulty with the failure probability at 1: every GET /ratings fails
 * (docs/upstream.md#ratings-variants).
 */
@QuarkusTest
@TestProfile(FaultyVariantTest.AlwaysFaulty.class)
class FaultyVariantTest {

    public static class AlwaysFaulty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SERVICE_VERSION", "v-faulty", "FAULT_PROBABILITY", "1");
        }
    }

    @RepeatedTest(5)
    void failsGetWith503() {
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(503)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"Service unavailable\"}"));
    }

    @Test
    void checksTheIdFirst() {
        given().when()
                .get("/ratings/abc")
                .then()
                .statusCode(400)
                .body(is("{\"error\":\"please provide numeric product ID\"}"));
    }

    @Test
    void neverFailsPost() {
        given().body("{\"Reviewer1\":1}")
                .when()
                .post("/ratings/200")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":200,\"ratings\":{\"Reviewer1\":1}}"));
    }

    @Test
    void staysHealthy() {
        given().when().get("/health").then().statusCode(200).body(is(HealthTest.HEALTHY));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
