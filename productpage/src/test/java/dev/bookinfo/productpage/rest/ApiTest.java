package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.Fixtures;
import dev.bookinfo.productpage.testing.InjectBackends;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON API: routes and mirrored statuses (docs/upstream.md#productpage-routes), attempts and timeouts
 * (docs/upstream.md#timeouts-and-the-reviews-retry), non-JSON bodies (docs/upstream.md#what-we-fix).
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class ApiTest {

    static final String PRODUCTS = "[{\"id\": 0, \"title\": \"The Comedy of Errors\", \"descriptionHtml\": "
            + "\"<a href=\\\"https://en.wikipedia.org/wiki/The_Comedy_of_Errors\\\">Wikipedia Summary</a>: "
            + "The Comedy of Errors is one of <b>William Shakespeare's</b> early plays. It is his shortest and one "
            + "of his most farcical comedies, with a major part of the humour coming from slapstick and mistaken "
            + "identity, in addition to puns and word play.\"}]";

    /** The three backend routes, with what each must do. */
    enum Route {
        DETAILS(
                "/api/v1/products/%s",
                "/details/",
                1,
                "{\"error\": \"Sorry, product details are currently unavailable for this book.\"}",
                s -> s.details),
        REVIEWS(
                "/api/v1/products/%s/reviews",
                "/reviews/",
                2,
                "{\"error\": \"Sorry, product reviews are currently unavailable for this book.\"}",
                s -> s.reviews),
        RATINGS(
                "/api/v1/products/%s/ratings",
                "/ratings/",
                1,
                "{\"error\": \"Sorry, product ratings are currently unavailable for this book.\"}",
                s -> s.ratings);

        final String path;
        final String backendPath;
        final int attemptsOnFailure;
        final String errorBody;
        final Function<BackendStubs, WireMockServer> server;

        Route(
                String path,
                String backendPath,
                int attemptsOnFailure,
                String errorBody,
                Function<BackendStubs, WireMockServer> server) {
            this.path = path;
            this.backendPath = backendPath;
            this.attemptsOnFailure = attemptsOnFailure;
            this.errorBody = errorBody;
            this.server = server;
        }

        String path(String id) {
            return path.formatted(id);
        }
    }

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void reset() {
        backends.reset();
    }

    private void stub(Route route, String id, ResponseDefinitionBuilder response) {
        route.server
                .apply(backends)
                .stubFor(get(urlEqualTo(route.backendPath + id)).willReturn(response));
    }

    @Test
    void productListIsStaticAndCallsNoBackend() {
        given().when()
                .get("/api/v1/products")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(PRODUCTS));
        backends.details.verify(0, anyRequestedFor(anyUrl()));
        backends.reviews.verify(0, anyRequestedFor(anyUrl()));
        backends.ratings.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void detailsAreReserialisedWithTheirFieldOrder() {
        backends.details("0", json(Fixtures.DETAILS_V1));
        given().when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(Fixtures.DETAILS_V1_OUT));
        backends.details.verify(1, getRequestedFor(urlEqualTo("/details/0")));
    }

    @Test
    void reviewsAreReserialisedWithTheirFieldOrder() {
        backends.reviews("0", json(Fixtures.REVIEWS_V2));
        given().when()
                .get("/api/v1/products/0/reviews")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(Fixtures.REVIEWS_V2_OUT));
        backends.reviews.verify(1, getRequestedFor(urlEqualTo("/reviews/0")));
    }

    @Test
    void ratingsAreReserialisedAndCalledDirectly() {
        backends.ratings("0", json(Fixtures.RATINGS_V1));
        given().when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(Fixtures.RATINGS_V1_OUT));
        backends.ratings.verify(1, getRequestedFor(urlEqualTo("/ratings/0")));
        backends.reviews.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void nonAsciiIsEscapedAndNumbersKeepTheirValue() {
        backends.details(
                "7",
                json("{\"publisher\":\"\u00c9ditions \u00e0 Paris\",\"price\":12.50,"
                        + "\"big\":99999999999999999999,\"tags\":[],\"extra\":{}}"));
        given().when()
                .get("/api/v1/products/7")
                .then()
                .statusCode(200)
                .body(is("{\"publisher\": \"\\u00C9ditions \\u00E0 Paris\", \"price\": 12.5, "
                        + "\"big\": 99999999999999999999, \"tags\": [], \"extra\": {}}"));
    }

    static Stream<Arguments> mirroredStatuses() {
        return Stream.of(Route.values())
                .flatMap(route -> Stream.of(400, 403, 404, 500, 503, 555).map(status -> Arguments.of(route, status)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("mirroredStatuses")
    void backendStatusIsMirroredWithTheFixedErrorBody(Route route, int status) {
        stub(route, "0", json(status, "{\"error\":\"from the backend\"}"));
        given().when()
                .get(route.path("0"))
                .then()
                .statusCode(status)
                .header("Content-Type", "application/json")
                .body(is(route.errorBody));
        route.server
                .apply(backends)
                .verify(route.attemptsOnFailure, getRequestedFor(urlEqualTo(route.backendPath + "0")));
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void nonJsonOkBodyCountsAsAFailedBackend(Route route) {
        stub(
                route,
                "0",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><body>upstream error page</body></html>"));
        given().when()
                .get(route.path("0"))
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is(route.errorBody));
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void truncatedJsonCountsAsAFailedBackend(Route route) {
        stub(route, "0", json("{\"id\": 0, \"ratings\": {"));
        given().when().get(route.path("0")).then().statusCode(500).body(is(route.errorBody));
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void emptyOkBodyCountsAsAFailedBackend(Route route) {
        stub(route, "0", aResponse().withStatus(200));
        given().when().get(route.path("0")).then().statusCode(500).body(is(route.errorBody));
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void connectionDroppedByTheBackendIsA500(Route route) {
        stub(route, "0", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        given().when()
                .get(route.path("0"))
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is(route.errorBody));
        route.server
                .apply(backends)
                .verify(route.attemptsOnFailure, getRequestedFor(urlEqualTo(route.backendPath + "0")));
    }

    @Test
    void reviewsRetrySucceedsOnTheSecondAttempt() {
        backends.reviews.stubFor(get(urlEqualTo("/reviews/0"))
                .inScenario("retry")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{}"))
                .willSetStateTo("recovered"));
        backends.reviews.stubFor(get(urlEqualTo("/reviews/0"))
                .inScenario("retry")
                .whenScenarioStateIs("recovered")
                .willReturn(json(Fixtures.REVIEWS_V2)));
        given().when().get("/api/v1/products/0/reviews").then().statusCode(200).body(is(Fixtures.REVIEWS_V2_OUT));
        backends.reviews.verify(2, getRequestedFor(urlEqualTo("/reviews/0")));
    }

    @Test
    void reviewsLastAttemptDecidesTheStatus() {
        backends.reviews.stubFor(get(urlEqualTo("/reviews/0"))
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(503, "{}"))
                .willSetStateTo("second"));
        backends.reviews.stubFor(get(urlEqualTo("/reviews/0"))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(json(404, "{}")));
        given().when().get("/api/v1/products/0/reviews").then().statusCode(404).body(is(Route.REVIEWS.errorBody));
        backends.reviews.verify(2, getRequestedFor(urlEqualTo("/reviews/0")));
    }

    @Test
    void idIsPassedVerbatimAndTheBackendDecides() {
        stub(Route.DETAILS, "abc", json(400, "{\"error\":\"please provide numeric product id\"}"));
        given().when().get("/api/v1/products/abc").then().statusCode(400).body(is(Route.DETAILS.errorBody));
        backends.details.verify(1, getRequestedFor(urlEqualTo("/details/abc")));
    }

    @Test
    void idIsEncodedAsOnePathSegment() {
        stub(Route.RATINGS, "1%202", json(400, "{\"error\":\"please provide numeric product ID\"}"));
        given().urlEncodingEnabled(false)
                .when()
                .get("/api/v1/products/1%202/ratings")
                .then()
                .statusCode(400)
                .body(is(Route.RATINGS.errorBody));
        backends.ratings.verify(1, getRequestedFor(urlEqualTo("/ratings/1%202")));
    }

    @Test
    void negativeIdsArePassedOn() {
        backends.details("-5", json("{\"id\":-5}"));
        given().when().get("/api/v1/products/-5").then().statusCode(200).body(is("{\"id\": -5}"));
    }

    @Test
    void apiRoutesDoNotFlood() {
        backends.reviews("0", json(Fixtures.REVIEWS_V1));
        given().when().get("/api/v1/products/0/reviews").then().statusCode(200);
        backends.reviews.verify(1, anyRequestedFor(anyUrl()));
        backends.details.verify(0, anyRequestedFor(anyUrl()));
    }
}
