package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;

/** SERVICE_VERSION=v-delayed with the delay probability at 0: an hour-long delay is never applied. */
@QuarkusTest
@TestProfile(DelayedVariantNeverDelayingTest.NeverDelayed.class)
class DelayedVariantNeverDelayingTest {

    public static class NeverDelayed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SERVICE_VERSION", "v-delayed", "FAULT_PROBABILITY", "0", "FAULT_DELAY", "1h");
        }
    }

    @RepeatedTest(5)
    void answersGetAtOnce() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> given().when()
                        .get("/ratings/0")
                        .then()
                        .statusCode(200)
                        .header("Content-Type", "application/json")
                        .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
    }
}
