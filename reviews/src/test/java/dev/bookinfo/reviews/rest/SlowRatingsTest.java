package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.reviews.testing.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.UNAVAILABLE;
import static dev.bookinfo.reviews.testing.ExpectedBodies.withRatings;
import static dev.bookinfo.reviews.testing.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ratings answer slower than the timeout (docs/upstream.md#reviews-variants) becomes the rating error
 * (docs/upstream.md#reviews-to-ratings). The timeout is shortened to {@value Profiles.SlowRatings#TIMEOUT_MILLIS} ms
 * through {@code bookinfo.ratings-timeout}; the derived defaults (10 s / 2.5 s) are checked in
 * {@code RatingsClientDefaultsTest} and {@code RatingsClientConfigTest}.
 */
@QuarkusTest
@TestProfile(Profiles.SlowRatings.class)
class SlowRatingsTest {

    /** Far above the timeout, so a missing timeout shows up as a slow (failed) test rather than a pass. */
    private static final int RATINGS_DELAY_MILLIS = 8_000;
    /** Generous for a busy 2-core machine, still well below the ratings delay. */
    private static final Duration ANSWER_WITHIN = Duration.ofMillis(4_000);

    @InjectRatings
    WireMockServer ratings;

    /**
     * The first call through the ratings client loads its classes and opens its pool, which on a busy machine takes
     * seconds of its own: done here, untimed, so that the timed call measures the timeout alone.
     */
    @BeforeEach
    void warmUpAndResetRatings() {
        ratings.resetAll();
        ratings.stubFor(
                get("/ratings/1").willReturn(okJson("{\"id\":1,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
        given().when().get("/reviews/1").then().statusCode(200);
        ratings.resetAll();
    }

    @Test
    void slowRatingsPutTheErrorOnBothReviewsAfterTheTimeout() {
        ratings.stubFor(get("/ratings/0")
                .willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")
                        .withFixedDelay(RATINGS_DELAY_MILLIS)));

        long start = System.nanoTime();
        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("0", "null", "null", UNAVAILABLE, UNAVAILABLE)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(
                took.compareTo(Duration.ofMillis(Profiles.SlowRatings.TIMEOUT_MILLIS)) >= 0,
                "answered before the ratings timeout: " + took);
        assertTrue(took.compareTo(ANSWER_WITHIN) < 0, "ratings timeout not applied, took " + took);
        ratings.verify(1, getRequestedFor(urlEqualTo("/ratings/0")));
    }
}
