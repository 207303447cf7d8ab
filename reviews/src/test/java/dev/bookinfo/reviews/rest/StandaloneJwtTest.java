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
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import dev.bookinfo.reviews.testing.StandaloneJwtProfile;
import dev.bookinfo.security.testing.JwtIssuer;
import dev.bookinfo.security.testing.StandaloneJwtContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code JWT_MODE=standalone} (SECURITY.md#what-each-layer-checks): reviews verifies the caller's access token itself
 * (the refusals are in {@link StandaloneJwtContract}), and forwards it to ratings (which, in standalone mode, checks it
 * again).
 */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class StandaloneJwtTest extends StandaloneJwtContract {

    @InjectRatings
    WireMockServer ratings;

    StandaloneJwtTest() {
        super("/reviews/0", "\"reviews\":[");
    }

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
        ratings.stubFor(
                get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
    }

    @Test
    void answersWithAValidTokenAndForwardsItToRatings() {
        String token = JwtIssuer.validToken();
        given().auth()
                .oauth2(token)
                .get("/reviews/0")
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withRatings("0", Profiles.V2.HOSTNAME, "null", stars(5, "black"), stars(4, "black"))));

        List<LoggedRequest> requests = ratings.findAll(getRequestedFor(urlEqualTo("/ratings/0")));
        assertEquals(1, requests.size(), "ratings requests");
        assertEquals(
                List.of("Bearer " + token),
                requests.get(0).getHeaders().getHeader("Authorization").values());
    }

    @Test
    void doesNotCallRatingsWithoutToken() {
        given().get("/reviews/0").then().statusCode(401);
        assertEquals(
                0, ratings.findAll(getRequestedFor(urlEqualTo("/ratings/0"))).size(), "ratings requests");
    }

    @Test
    void upstreamHealthNeedsNoToken() {
        given().get("/health").then().statusCode(200).body(is("{\"status\": \"Reviews is healthy\"}"));
    }
}
