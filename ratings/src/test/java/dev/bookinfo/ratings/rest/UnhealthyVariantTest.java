package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SERVICE_VERSION=v-unhealthy with an hour-long period: the first phase is the healthy one. */
@QuarkusTest
@TestProfile(UnhealthyVariantTest.FirstPhase.class)
class UnhealthyVariantTest {

    public static class FirstPhase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "SERVICE_VERSION",
                    "v-unhealthy",
                    "FAULT_UNHEALTHY_PERIOD",
                    "1h",
                    // The v-unavailable period must not be the one used.
                    "FAULT_UNAVAILABLE_PERIOD",
                    "1ms");
        }
    }

    @Test
    void startsHealthyAndAvailable() {
        given().when()
                .get("/health")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HealthTest.HEALTHY));
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
