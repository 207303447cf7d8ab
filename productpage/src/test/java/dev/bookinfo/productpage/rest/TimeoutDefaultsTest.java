package dev.bookinfo.productpage.rest;

import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.Fixtures;
import dev.bookinfo.productpage.testing.InjectBackends;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream's 3 s connect and 3 s read timeouts (docs/upstream.md#timeouts-and-the-reviews-retry) are the defaults. JVM
 * only: it reads the application's configuration.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class TimeoutDefaultsTest {

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void reset() {
        backends.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "reviews", "ratings"})
    void connectAndReadTimeoutsAreThreeSeconds(String backend) {
        var config = ConfigProvider.getConfig();
        assertEquals(3000, config.getValue("quarkus.rest-client." + backend + ".connect-timeout", Integer.class));
        assertEquals(3000, config.getValue("quarkus.rest-client." + backend + ".read-timeout", Integer.class));
    }

    @Test
    void aBackendSlowerThanThreeSecondsTimesOut() {
        backends.ratings("0", json(Fixtures.RATINGS_V1).withFixedDelay(4500));
        long start = System.nanoTime();
        given().when().get("/api/v1/products/0/ratings").then().statusCode(500);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 2900 && millis < 4500, "answered after " + millis + " ms");
    }
}
