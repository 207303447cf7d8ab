package dev.bookinfo.ratings.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An {@code Accept} header that Vert.x Web cannot parse (common's ClientErrors): 400 with an empty body, on the
 * Micrometer endpoint (whose route makes Vert.x parse the header, which answered 500 before) and everywhere else.
 */
@QuarkusTest
class MalformedAcceptTest {

    private static final String UNTERMINATED_QUOTE = "a/b;c=\"";

    @Test
    void metricsWithAnUnparsableAcceptIsABadRequest() {
        given().header("Accept", UNTERMINATED_QUOTE)
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(400)
                .body(emptyString());
    }

    @Test
    void resourcesWithAnUnparsableAcceptAreBadRequests() {
        given().header("Accept", UNTERMINATED_QUOTE)
                .when()
                .get("/ratings/0")
                .then()
                .statusCode(400);
        given().header("Accept", "text/html, " + UNTERMINATED_QUOTE)
                .when()
                .get("/health")
                .then()
                .statusCode(400);
    }

    @Test
    void parsableButOddAcceptHeadersStillGetTheirAnswer() {
        given().header("Accept", "a/b;c=\"d\"").when().get("/ratings/0").then().statusCode(200);
        given().header("Accept", "text/plain;q=abc, */*")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200);
        given().header("Accept", ";;;").when().get("/ratings/0").then().statusCode(200);
    }
}
