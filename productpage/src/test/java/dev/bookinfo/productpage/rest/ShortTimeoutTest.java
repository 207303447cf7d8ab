package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.Fixtures;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As upstream (docs/upstream.md#timeouts-and-the-reviews-retry), a backend that answers too slowly is a failed call
 * (500 on the API, an error block on the page), and reviews is still tried twice. Timeouts are shortened to 500 ms
 * here; {@link TimeoutDefaultsTest} checks the 3 s defaults.
 */
@QuarkusTest
@TestProfile(ShortTimeoutTest.ShortTimeouts.class)
@WithTestResource(BackendStubsResource.class)
class ShortTimeoutTest {

    static final int SLOW = 2000;

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.rest-client.details.read-timeout", "500",
                    "quarkus.rest-client.reviews.read-timeout", "500",
                    "quarkus.rest-client.ratings.read-timeout", "500",
                    "quarkus.rest-client.details.connect-timeout", "500",
                    "quarkus.rest-client.reviews.connect-timeout", "500",
                    "quarkus.rest-client.ratings.connect-timeout", "500");
        }
    }

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void slowBackends() {
        backends.reset();
        backends.details("0", json(Fixtures.DETAILS_V1).withFixedDelay(SLOW));
        backends.reviews("0", json(Fixtures.REVIEWS_V2).withFixedDelay(SLOW));
        backends.ratings("0", json(Fixtures.RATINGS_V1).withFixedDelay(SLOW));
    }

    @Test
    void slowDetailsIsA500() {
        given().when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is("{\"error\": \"Sorry, product details are currently unavailable for this book.\"}"));
        backends.details.verify(1, getRequestedFor(urlEqualTo("/details/0")));
    }

    @Test
    void slowReviewsIsTriedTwiceThenA500() {
        given().when()
                .get("/api/v1/products/0/reviews")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is("{\"error\": \"Sorry, product reviews are currently unavailable for this book.\"}"));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> backends.reviews.verify(2, getRequestedFor(urlEqualTo("/reviews/0"))));
    }

    @Test
    void slowRatingsIsA500() {
        given().when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is("{\"error\": \"Sorry, product ratings are currently unavailable for this book.\"}"));
        backends.ratings.verify(1, getRequestedFor(urlEqualTo("/ratings/0")));
    }

    @Test
    void slowBackendsGiveThePageItsErrorBlocks() {
        Document page = Pages.productPage();
        assertEquals(
                List.of("Error fetching product details", "Error fetching product reviews"),
                page.select("p.error-title").eachText());
    }

    @Test
    void slowCallsCountAs500() {
        double before = Pages.requestResults("ratings", 500);
        given().when().get("/api/v1/products/0/ratings").then().statusCode(500);
        assertEquals(before + 1, Pages.requestResults("ratings", 500));
    }
}
