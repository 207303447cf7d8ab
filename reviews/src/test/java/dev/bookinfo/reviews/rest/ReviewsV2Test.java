package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.reviews.testing.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.stars;
import static dev.bookinfo.reviews.testing.ExpectedBodies.withRatings;
import static dev.bookinfo.reviews.testing.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * reviews-v2 (docs/upstream.md#reviews-variants): ENABLE_RATINGS=true, STAR_COLOR unset (black), HOSTNAME set,
 * CLUSTER_NAME unset.
 */
@QuarkusTest
@TestProfile(Profiles.V2.class)
class ReviewsV2Test {

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
    }

    @Test
    void addsBlackStarsFromRatings() {
        ratings.stubFor(
                get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));

        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json;charset=UTF-8")
                .body(is(
                        "{\"id\":\"0\",\"podname\":\"reviews-v2-5c8c9f7b9d-k2x7q\",\"clustername\":\"null\",\"reviews\":["
                                + "{\"reviewer\":\"Reviewer1\",\"text\":\"An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!\","
                                + "\"rating\":{\"stars\":5,\"color\":\"black\"}},"
                                + "{\"reviewer\":\"Reviewer2\",\"text\":\"Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.\","
                                + "\"rating\":{\"stars\":4,\"color\":\"black\"}}]}"));
    }

    @Test
    void asksRatingsForTheParsedIdOnce() {
        ratings.stubFor(
                get("/ratings/7").willReturn(okJson("{\"id\":7,\"ratings\":{\"Reviewer1\":3,\"Reviewer2\":1}}")));

        given().when()
                .get("/reviews/007")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("7", Profiles.V2.HOSTNAME, "null", stars(3, "black"), stars(1, "black"))));

        ratings.verify(1, getRequestedFor(urlEqualTo("/ratings/7")));
    }

    @Test
    void passesZeroAndNegativeStarsThrough() {
        ratings.stubFor(
                get("/ratings/-3").willReturn(okJson("{\"id\":-3,\"ratings\":{\"Reviewer1\":0,\"Reviewer2\":-1}}")));

        given().when()
                .get("/reviews/-3")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("-3", Profiles.V2.HOSTNAME, "null", stars(0, "black"), stars(-1, "black"))));
    }
}
