package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;

/** SERVICE_VERSION=v-faulty with the failure probability at 0: GET /ratings always answers normally. */
@QuarkusTest
@TestProfile(FaultyVariantNeverFailingTest.NeverFaulty.class)
class FaultyVariantNeverFailingTest {

    public static class NeverFaulty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SERVICE_VERSION", "v-faulty", "FAULT_PROBABILITY", "0");
        }
    }

    @RepeatedTest(5)
    void answersGetNormally() {
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }
}
