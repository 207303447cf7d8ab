package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_VERSION=v-delayed with the delay probability at 1 and a 1 s delay: every GET /ratings answers
 * normally, late (docs/upstream.md#ratings-variants). The server gets one event loop and two worker threads, so a delay
 * that held a thread would serialise parallel requests. What is not delayed is in {@link DelayedVariantOnlyGetTest}.
 */
@QuarkusTest
@TestProfile(DelayedVariantTest.AlwaysDelayed.class)
class DelayedVariantTest {

    static final long DELAY_MILLIS = 1000;

    public static class AlwaysDelayed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "SERVICE_VERSION", "v-delayed",
                    "FAULT_PROBABILITY", "1",
                    "FAULT_DELAY", DELAY_MILLIS + "ms",
                    "quarkus.http.io-threads", "1",
                    "quarkus.thread-pool.max-threads", "2");
        }
    }

    @Test
    void answersGetNormallyAfterTheDelay() {
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"))
                .time(greaterThanOrEqualTo(DELAY_MILLIS), TimeUnit.MILLISECONDS);
    }

    @Test
    void delaysWithoutHoldingAThread() {
        int requests = 40;
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> gets = IntStream.range(0, requests)
                .mapToObj(id -> RawHttp.getAsync("/ratings/" + id))
                .toList();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = gets.get(i).join();
            assertEquals(200, response.statusCode());
            assertEquals("{\"id\":" + i + ",\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}", response.body());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        // Parallel delays overlap: about 1 s in all. Held threads would need 20 s or more.
        assertTrue(elapsed.toMillis() < 5 * DELAY_MILLIS, () -> "40 delayed requests took " + elapsed);
    }
}
