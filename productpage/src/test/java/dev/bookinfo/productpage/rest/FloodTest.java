package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.DemoSessions;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flood mode (docs/upstream.md#flood-mode): {@code FLOOD_FACTOR=3} adds three reviews calls (each with the retry) to
 * every page.
 */
@QuarkusTest
@TestProfile(FloodTest.FloodFactor3.class)
@WithTestResource(BackendStubsResource.class)
class FloodTest {

    /** Sets the upstream variable itself, so the wiring in application.properties is tested too. */
    public static class FloodFactor3 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("FLOOD_FACTOR", "3");
        }
    }

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    private List<LoggedRequest> reviewsRequests() {
        return backends.reviews.findAll(getRequestedFor(urlEqualTo("/reviews/0")));
    }

    @Test
    void pageSendsThreeExtraReviewsCalls() {
        given().header("x-request-id", "flood-1")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        List<LoggedRequest> requests = reviewsRequests();
        assertEquals(4, requests.size());
        for (LoggedRequest request : requests) {
            assertEquals("flood-1", request.getHeader("x-request-id"));
        }
        backends.details.verify(1, getRequestedFor(urlEqualTo("/details/0")));
    }

    @Test
    void floodCallsSignInTheSameUser() {
        String cookie = DemoSessions.signIn("jason");
        given().cookie("session", cookie).when().get("/productpage").then().statusCode(200);
        List<LoggedRequest> requests = reviewsRequests();
        assertEquals(4, requests.size());
        for (LoggedRequest request : requests) {
            assertEquals("jason", request.getHeader("end-user"));
        }
    }

    @Test
    void everyFloodCallRetriesLikeTheRealOne() {
        backends.reviews("0", json(503, "{}"));
        Document page = Pages.productPage();
        assertEquals(
                "Error fetching product reviews",
                page.selectFirst(".reviews-band p.error-title").text());
        assertEquals(8, reviewsRequests().size());
    }

    @Test
    void floodCallsAreCounted() {
        double before = Pages.requestResults("reviews", 200);
        Pages.productPage();
        assertEquals(before + 4, Pages.requestResults("reviews", 200));
    }

    @Test
    void apiRoutesDoNotFlood() {
        given().when().get("/api/v1/products/0/reviews").then().statusCode(200);
        assertEquals(1, reviewsRequests().size());
    }
}
