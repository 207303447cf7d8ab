package dev.bookinfo.reviews.rest;

import static dev.bookinfo.reviews.testing.ExpectedBodies.ERROR_JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.testing.ExpectedBodies.NOT_NUMERIC;
import static dev.bookinfo.reviews.testing.ExpectedBodies.withoutRatings;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * As upstream (docs/upstream.md#reviews-response), the id must parse as a 32-bit int and comes back as the string of
 * the parsed int; anything else is 404 with {@code {"error":"please provide numeric product id"}} (decimal ids only:
 * docs/upstream.md#what-we-fix).
 */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class ProductIdTest {

    @ParameterizedTest(name = "/reviews/{0} has id \"{1}\"")
    @CsvSource({"0, 0", "007, 7", "-3, -3", "-0, 0", "2147483647, 2147483647", "-2147483648, -2147483648"})
    void idIsTheParsedIntAsAString(String path, String id) {
        given().when()
                .get("/reviews/" + path)
                .then()
                .statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withoutRatings(id, "null", "null")));
    }

    /** Raw (already URL-encoded) path segments: out of int range, words, other number syntaxes, spaces. */
    @ParameterizedTest(name = "/reviews/{0} is 404")
    @ValueSource(
            strings = {
                "2147483648",
                "-2147483649",
                "99999999999999999999",
                "abc",
                "12abc",
                "1.5",
                "1e3",
                "0x1f",
                "010x",
                "1_000",
                "+5",
                "-",
                "%205",
                "5%20",
                "%20",
                "%D9%A3"
            })
    void nonNumericIdIs404WithErrorBody(String rawSegment) {
        given().urlEncodingEnabled(false)
                .when()
                .get("/reviews/" + rawSegment)
                .then()
                .statusCode(404)
                .header("Content-Type", ERROR_JSON)
                .body(is(NOT_NUMERIC));
    }

    @ParameterizedTest(name = "{0} is 404")
    @ValueSource(strings = {"/reviews", "/reviews/"})
    void missingIdIs404WithErrorBody(String path) {
        given().when()
                .get(path)
                .then()
                .statusCode(404)
                .header("Content-Type", ERROR_JSON)
                .body(is(NOT_NUMERIC));
    }
}
