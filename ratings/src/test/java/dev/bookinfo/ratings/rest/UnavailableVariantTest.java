package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SERVICE_VERSION=v-unavailable with an hour-long period: the first phase is the available one. */
@QuarkusTest
@TestProfile(UnavailableVariantTest.FirstPhase.class)
class UnavailableVariantTest {

    public static class FirstPhase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SERVICE_VERSION", "v-unavailable", "FAULT_UNAVAILABLE_PERIOD", "1h");
        }
    }

    @Test
    void startsAvailable() {
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
        given().when().get("/health").then().statusCode(200).body(is(HealthTest.HEALTHY));
    }
}
