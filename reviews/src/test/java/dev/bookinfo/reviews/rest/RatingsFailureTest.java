package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.reviews.testing.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.UNAVAILABLE;
import static dev.bookinfo.reviews.testing.ExpectedBodies.stars;
import static dev.bookinfo.reviews.testing.ExpectedBodies.withRatings;
import static dev.bookinfo.reviews.testing.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * As upstream (docs/upstream.md#reviews-to-ratings), reviews never fails because of ratings. An unusable answer puts
 * the error on both reviews; a reviewer without an integer value gets the error alone. Always 200, ratings called once
 * (no retry).
 */
@QuarkusTest
@TestProfile(Profiles.V2.class)
class RatingsFailureTest {

    private static final String POD = Profiles.V2.HOSTNAME;
    private static final String BOTH_UNAVAILABLE = withRatings("0", POD, "null", UNAVAILABLE, UNAVAILABLE);

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
    }

    /** Includes ratings v-faulty/v-unavailable (503) and the MongoDB errors (500). */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {503, 500, 404, 400, 401, 403, 555})
    void errorStatusPutsTheErrorOnBothReviews(int status) {
        ratings.stubFor(get("/ratings/0")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-type", "application/json")
                        .withBody("{\"error\":\"Service unavailable\"}")));

        assertBothUnavailable();
        ratings.verify(1, getRequestedFor(urlEqualTo("/ratings/0")));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {201, 203, 204, 302})
    void otherNon200StatusPutsTheErrorOnBothReviews(int status) {
        ratings.stubFor(get("/ratings/0")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-type", "application/json")
                        .withHeader("Location", "/ratings/1")
                        .withBody(status == 204 ? "" : "{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));

        assertBothUnavailable();
    }

    @Test
    void nonJsonBodyPutsTheErrorOnBothReviews() {
        ratings.stubFor(get("/ratings/0")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-type", "text/html")
                        .withBody("<html><body>upstream connect error</body></html>")));

        assertBothUnavailable();
    }

    @Test
    void emptyBodyPutsTheErrorOnBothReviews() {
        ratings.stubFor(get("/ratings/0").willReturn(aResponse().withStatus(200)));

        assertBothUnavailable();
    }

    /**
     * Ratings v2 on MySQL answers its connection error with status 200 and no content type
     * (docs/upstream.md#ratings-variants).
     */
    @Test
    void mysqlErrorWith200PutsTheErrorOnBothReviews() {
        ratings.stubFor(get("/ratings/0")
                .willReturn(
                        aResponse().withStatus(200).withBody("{\"error\":\"could not connect to ratings database\"}")));

        assertBothUnavailable();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"id\":0}",
                "{\"id\":0,\"ratings\":null}",
                "{\"id\":0,\"ratings\":[5,4]}",
                "{\"id\":0,\"ratings\":\"5\"}",
                "[{\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}]",
                "42",
                "null"
            })
    void jsonWithoutRatingsObjectPutsTheErrorOnBothReviews(String body) {
        ratings.stubFor(get("/ratings/0").willReturn(okJson(body)));

        assertBothUnavailable();
    }

    @Test
    void missingReviewerGetsTheErrorAlone() {
        ratings.stubFor(get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5}}")));

        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("0", POD, "null", stars(5, "black"), UNAVAILABLE)));
    }

    /** Upstream answered 500 for non-numbers and truncated fractions; we never fail because of ratings. */
    @ParameterizedTest(name = "Reviewer1 = {0}")
    @ValueSource(strings = {"\"5\"", "4.5", "5.0", "null", "true", "2147483648", "{}", "[5]"})
    void nonIntegerValueGivesThatReviewerTheErrorAlone(String value) {
        ratings.stubFor(get("/ratings/0")
                .willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":" + value + ",\"Reviewer2\":4}}")));

        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("0", POD, "null", UNAVAILABLE, stars(4, "black"))));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Fault.class,
            names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"
            })
    void connectionFailurePutsTheErrorOnBothReviews(Fault fault) {
        ResponseDefinitionBuilder response = aResponse().withFault(fault);
        ratings.stubFor(get("/ratings/0").willReturn(response));

        assertBothUnavailable();
        ratings.verify(1, getRequestedFor(urlEqualTo("/ratings/0")));
    }

    private static void assertBothUnavailable() {
        given().when()
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(BOTH_UNAVAILABLE));
    }
}
