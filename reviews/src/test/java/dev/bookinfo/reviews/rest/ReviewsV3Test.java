package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
 * reviews-v3 (docs/upstream.md#reviews-variants): ENABLE_RATINGS=TRUE, STAR_COLOR=red, HOSTNAME and CLUSTER_NAME set.
 */
@QuarkusTest
@TestProfile(Profiles.V3.class)
class ReviewsV3Test {

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
    }

    @Test
    void addsRedStarsFromRatingsAndNamesPodAndCluster() {
        ratings.stubFor(
                get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));

        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json;charset=UTF-8")
                .body(is(
                        "{\"id\":\"0\",\"podname\":\"reviews-v3-7d9f8b6c5-m4n8p\",\"clustername\":\"cluster-east\",\"reviews\":["
                                + "{\"reviewer\":\"Reviewer1\",\"text\":\"An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!\","
                                + "\"rating\":{\"stars\":5,\"color\":\"red\"}},"
                                + "{\"reviewer\":\"Reviewer2\",\"text\":\"Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.\","
                                + "\"rating\":{\"stars\":4,\"color\":\"red\"}}]}"));
    }
}
