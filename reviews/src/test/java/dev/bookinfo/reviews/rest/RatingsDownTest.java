package dev.bookinfo.reviews.rest;

import static dev.bookinfo.reviews.testing.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.UNAVAILABLE;
import static dev.bookinfo.reviews.testing.ExpectedBodies.withRatings;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * As upstream (docs/upstream.md#reviews-to-ratings), ratings down (connection refused) still gives 200, with the error
 * on both reviews.
 */
@QuarkusTest
@TestProfile(Profiles.RatingsDown.class)
class RatingsDownTest {

    @Test
    void refusedConnectionPutsTheErrorOnBothReviews() {
        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("0", "null", "null", UNAVAILABLE, UNAVAILABLE)));
    }
}
