package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_VERSION=v-unavailable with a 1 s period: GET /ratings alternates between normal and 503 while
 * health stays 200 and POST keeps working (docs/upstream.md#ratings-variants). Each phase is awaited, checking
 * everything in one go, so a phase change in the middle of a check only causes a retry.
 */
@QuarkusTest
@TestProfile(UnavailableVariantTogglingTest.ShortPeriod.class)
class UnavailableVariantTogglingTest {

    public static class ShortPeriod implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SERVICE_VERSION", "v-unavailable", "FAULT_UNAVAILABLE_PERIOD", "1s");
        }
    }

    @Test
    void togglesBetweenNormalAndUnavailable() {
        awaitPhase(() -> given().when()
                .get("/ratings/0")
                .then()
                .statusCode(503)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"Service unavailable\"}")));
        awaitPhase(() -> given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
        awaitPhase(() -> given().when().get("/ratings/0").then().statusCode(503));
    }

    @Test
    void staysHealthyAndKeepsAcceptingPostsWhileUnavailable() {
        awaitPhase(() -> {
            given().when().get("/ratings/400").then().statusCode(503);
            given().body("{\"Reviewer1\":4}")
                    .when()
                    .post("/ratings/400")
                    .then()
                    .statusCode(200)
                    .body(is("{\"id\":400,\"ratings\":{\"Reviewer1\":4}}"));
            given().when().get("/health").then().statusCode(200).body(is(HealthTest.HEALTHY));
            given().when().get("/q/health/ready").then().statusCode(200);
            given().when().get("/ratings/400").then().statusCode(503);
        });
    }

    static void awaitPhase(org.awaitility.core.ThrowingRunnable checks) {
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(checks);
    }
}
