package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_VERSION=v-delayed with every GET /ratings delayed by an hour, on one event loop and two worker
 * threads: while many delayed GETs are pending, everything else still answers at once
 * (docs/upstream.md#ratings-variants: POST takes the normal path; the id check, health and probes are not part of the
 * fault).
 */
@QuarkusTest
@TestProfile(DelayedVariantOnlyGetTest.HourLongDelay.class)
class DelayedVariantOnlyGetTest {

    public static class HourLongDelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "SERVICE_VERSION", "v-delayed",
                    "FAULT_PROBABILITY", "1",
                    "FAULT_DELAY", "1h",
                    "quarkus.http.io-threads", "1",
                    "quarkus.thread-pool.max-threads", "2");
        }
    }

    @Test
    void answersEverythingButGetRatingsAtOnceWhileGetsAreDelayed() {
        List<CompletableFuture<HttpResponse<String>>> delayed = IntStream.range(0, 20)
                .mapToObj(id -> RawHttp.getAsync("/ratings/" + id))
                .toList();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                given().body("[5]")
                        .when()
                        .post("/ratings/300")
                        .then()
                        .statusCode(200)
                        .header("Content-Type", "application/json")
                        .body(is("{\"id\":300,\"ratings\":[5]}"));
                given().when()
                        .get("/ratings/abc")
                        .then()
                        .statusCode(400)
                        .body(is("{\"error\":\"please provide numeric product ID\"}"));
                given().when().get("/health").then().statusCode(200).body(is(HealthTest.HEALTHY));
                given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
            });
            delayed.forEach(get -> assertFalse(get.isDone(), "a GET /ratings was not delayed"));
        } finally {
            delayed.forEach(get -> get.cancel(true));
        }
    }
}
