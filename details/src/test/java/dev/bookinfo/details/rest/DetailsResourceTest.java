package dev.bookinfo.details.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * details v1, the built-in book (docs/upstream.md#details-routes), with decimal-only ids
 * (docs/upstream.md#what-we-fix).
 */
@QuarkusTest
class DetailsResourceTest {

    static final String NOT_NUMERIC = "{\"error\":\"please provide numeric product id\"}";

    static String book(String id) {
        return "{\"id\":" + id + ",\"author\":\"William Shakespeare\",\"year\":1595,\"type\":\"paperback\","
                + "\"pages\":200,\"publisher\":\"PublisherA\",\"language\":\"English\","
                + "\"ISBN-10\":\"1234567890\",\"ISBN-13\":\"123-1234567890\"}";
    }

    @Test
    void returnsTheBuiltInBookWithTheRequestedId() {
        given().get("/details/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(book("0")));
    }

    @ParameterizedTest(name = "{0} -> id {1}")
    @CsvSource({
        "/details/7?x=1, 7", // query string ignored
        "/details/-5, -5",
        "/details/010, 10", // decimal, not Ruby's octal 8
        "/details/1/2, 2", // last segment wins, as upstream
        "/details/1/, 1", // trailing slash: upstream's split drops the empty segment
        "/details/9223372036854775807, 9223372036854775807",
        "/details/-9223372036854775808, -9223372036854775808",
    })
    void takesTheIdFromTheLastPathSegment(String path, String id) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(book(id)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "/details/0x1f", // Ruby hex
                "/details/0b101", // Ruby binary
                "/details/1_000", // Ruby underscores
                "/details/%205", // leading space, which Ruby's Integer() skips
                "/details/5%20",
                "/details/+5",
                "/details/12abc",
                "/details/99999999999999999999", // overflows 64 bits
                "/details/abc",
                "/details/1.5",
                "/details/-",
                "/details/0/extra",
                "/details/%E2%82%AC", // the euro sign
                "/details/1;x=2", // a matrix parameter is not silently dropped
                "/details/1%2F2", // nor is an encoded slash taken as a separator
                "/details",
                "/details/",
            })
    void rejectsAnythingButADecimalId(String path) {
        given().urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(NOT_NUMERIC));
    }

    @Test
    void answersJsonWhateverTheAcceptHeaderSays() {
        given().accept("text/html")
                .get("/details/3")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(book("3")));
    }

    @Test
    void headIsGetWithoutABody() {
        given().head("/details/4")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(emptyString()));
        given().head("/details/four")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(emptyString()));
    }

    @Test
    void postAndPutBehaveLikeGetWhateverTheBody() {
        given().contentType("application/json")
                .body("{not json")
                .post("/details/5")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(book("5")));
        given().contentType("application/xml")
                .body("<a/>")
                .put("/details/6")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(book("6")));
        given().post("/details/six")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(NOT_NUMERIC));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DELETE, /details/1",
        "PATCH, /details/1",
        "DELETE, /details",
        "PATCH, /details/abc",
        "TRACE, /details/1",
        "PURGE, /details/1",
    })
    void otherMethodsGet405(String method, String path) {
        given().request(method, path)
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, POST, PUT, OPTIONS")
                .body(is(emptyString()));
    }

    @Test
    void optionsListsTheMethods() {
        given().options("/details/1")
                .then()
                .statusCode(200)
                .header("Allow", "HEAD, POST, GET, OPTIONS, PUT")
                .body(is(emptyString()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/detailsfoo", "/", "/detail/1", "/api/v1/products/0"})
    void unknownPathsGet404(String path) {
        given().get(path).then().statusCode(404);
    }

    /** Browsers must not sniff a JSON answer (or an error) into HTML or script. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/details/0", "/details/abc", "/health", "/detailsfoo"})
    void tellsBrowsersNotToSniffTheContentType(String path) {
        given().get(path).then().header("X-Content-Type-Options", "nosniff");
    }
}
