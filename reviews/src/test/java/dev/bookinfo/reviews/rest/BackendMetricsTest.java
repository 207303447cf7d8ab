package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.bookinfo.reviews.testing.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls to ratings by outcome ({@code request_result_total}, as productpage's) and requests by route at /q/metrics. */
@QuarkusTest
@TestProfile(Profiles.V2.class)
class BackendMetricsTest {

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
    }

    @Test
    void countsEachRatingsCallWithItsStatus() {
        ratings.stubFor(
                get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
        ratings.stubFor(get("/ratings/1").willReturn(aResponse().withStatus(503)));
        double ok = ratingsCalls("200");
        double unavailable = ratingsCalls("503");
        given().when().get("/reviews/0").then().statusCode(200);
        given().when().get("/reviews/1").then().statusCode(200);
        assertEquals(ok + 1, ratingsCalls("200"));
        assertEquals(unavailable + 1, ratingsCalls("503"));
    }

    @Test
    void countsRequestsByRoute() {
        ratings.stubFor(
                get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
        given().when().get("/reviews/0").then().statusCode(200);
        String metrics = given().accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                true,
                Pattern.compile("\nhttp_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/reviews/"
                                + "\\{productId}\"[^}]*} [1-9]")
                        .matcher(metrics)
                        .find(),
                metrics);
    }

    private static double ratingsCalls(String status) {
        String metrics = given().accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher count = Pattern.compile("\nrequest_result_total\\{destination_app=\"ratings\",response_code=\"" + status
                        + "\",} ([0-9.E]+)")
                .matcher(metrics);
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }
}
