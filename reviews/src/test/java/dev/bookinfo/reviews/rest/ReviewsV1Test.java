package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** reviews-v1 (docs/upstream.md#reviews-variants): ENABLE_RATINGS unset, HOSTNAME and CLUSTER_NAME unset. */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class ReviewsV1Test {

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
    }

    @Test
    void returnsTwoReviewsWithoutRatingAndNullPodAndClusterWhenUnset() {
        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json;charset=UTF-8")
                .body(
                        is(
                                "{\"id\":\"0\",\"podname\":\"null\",\"clustername\":\"null\",\"reviews\":["
                                        + "{\"reviewer\":\"Reviewer1\",\"text\":\"An extremely entertaining play by Shakespeare. The slapstick humour is refreshing!\"},"
                                        + "{\"reviewer\":\"Reviewer2\",\"text\":\"Absolutely fun and entertaining. The play lacks thematic depth when compared to other plays by Shakespeare.\"}]}"));
    }

    @Test
    void neverCallsRatings() {
        given().when().get("/reviews/1").then().statusCode(200);

        ratings.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Browsers must not sniff a JSON answer (or an error) into HTML or script. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/reviews/0", "/reviews/abc", "/health", "/reviewsfoo"})
    void tellsBrowsersNotToSniffTheContentType(String path) {
        given().get(path).then().header("X-Content-Type-Options", "nosniff");
    }
}
