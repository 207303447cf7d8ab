package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.Fixtures;
import dev.bookinfo.productpage.testing.InjectBackends;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Without any setting, productpage gives each backend upstream's 3 s (docs/upstream.md#timeouts-and-the-reviews-retry):
 * a backend that has not answered by then is a failed call (500), and reviews, asked twice, fails after 6 s. The
 * backends here would answer after {@value #LATE_MILLIS} ms, so a missing or longer timeout shows as a late 500 and
 * a shorter one as an early 500; the bounds leave room for a loaded machine. {@link ShortTimeoutTest} covers the
 * failure answers themselves.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class TimeoutDefaultsTest {

    static final int LATE_MILLIS = 12_000;
    static final int TIMEOUT_MILLIS = 3_000;

    @InjectBackends
    BackendStubs backends;

    /**
     * The first call through each client also sets the client up, which can take seconds on a busy machine: one call
     * each, untimed and whatever its answer, before the stubs for the measured call.
     */
    @BeforeEach
    void warmUpAndReset() {
        for (String api : List.of("/api/v1/products/0", "/api/v1/products/0/reviews", "/api/v1/products/0/ratings")) {
            given().when().get(api);
        }
        backends.reset();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "details, /api/v1/products/0, /details/0, 1",
        "reviews, /api/v1/products/0/reviews, /reviews/0, 2",
        "ratings, /api/v1/products/0/ratings, /ratings/0, 1"
    })
    void aBackendSilentForThreeSecondsIsAFailedCall(String backend, String api, String backendPath, int attempts) {
        ResponseDefinitionBuilder late = json(Fixtures.RATINGS_V1).withFixedDelay(LATE_MILLIS);
        WireMockServer server = switch (backend) {
            case "details" -> {
                backends.details("0", late);
                yield backends.details;
            }
            case "reviews" -> {
                backends.reviews("0", late);
                yield backends.reviews;
            }
            default -> {
                backends.ratings("0", late);
                yield backends.ratings;
            }
        };
        long start = System.nanoTime();
        given().when().get(api).then().statusCode(500);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long expected = (long) attempts * TIMEOUT_MILLIS;
        assertTrue(
                millis >= expected - 100 && millis < expected + 5_000,
                () -> "answered after " + millis + " ms, expected about " + expected + " ms");
        server.verify(attempts, getRequestedFor(urlEqualTo(backendPath)));
    }
}
