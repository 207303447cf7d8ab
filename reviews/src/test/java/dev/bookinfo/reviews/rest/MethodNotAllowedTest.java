package dev.bookinfo.reviews.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Unsupported methods on a known path get 405 with an empty body and the {@code Allow} header HTTP requires, never a
 * hang (docs/upstream.md#what-we-fix).
 */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class MethodNotAllowedTest {

    @ParameterizedTest(name = "{0} {1} is 405")
    @CsvSource({
        "POST, /reviews/0",
        "PUT, /reviews/0",
        "DELETE, /reviews/0",
        "PATCH, /reviews/0",
        "POST, /reviews/abc",
        "POST, /reviews",
        "POST, /health",
        "PUT, /health",
        "DELETE, /health"
    })
    void unsupportedMethodIs405(String method, String path) {
        given().body("{}")
                .when()
                .request(method, path)
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS")
                .body(is(""));
    }
}
