package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GET and POST /ratings/{id} with SERVICE_VERSION=v1 (docs/upstream.md#ratings-routes, with the decisions of
 * docs/upstream.md#what-we-fix on ids, unknown paths and methods). Ids 0 to 99 are never posted to, so they always show
 * the default ratings; every POST test uses its own id because the store lives as long as the application.
 */
@QuarkusTest
class RatingsResourceTest {

    private static final String BAD_ID = "{\"error\":\"please provide numeric product ID\"}";
    private static final String BAD_JSON = "{\"error\":\"please provide valid ratings JSON\"}";

    @Test
    void returnsDefaultRatingsOfProductZero() {
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @ParameterizedTest(name = "GET {0} is product {1}")
    @CsvSource({
        "/ratings/0/7, 7",
        "/ratings/5?x=1, 5",
        "/ratings/-3, -3",
        "/ratings/007, 7",
        "/ratings/9223372036854775807, 9223372036854775807",
        "/ratings/-9223372036854775808, -9223372036854775808"
    })
    void takesTheIdFromTheLastPathSegmentIgnoringTheQuery(String path, String id) {
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":" + id + ",\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    /**
     * Upstream's parseInt read 12abc as 12 and 1.9 as 1; ids are strict decimals here (docs/upstream.md#what-we-fix).
     */
    @ParameterizedTest(name = "GET {0} is 400")
    @ValueSource(
            strings = {
                "/ratings/abc",
                "/ratings/",
                "/ratings/12abc",
                "/ratings/1.9",
                "/ratings/0x1f",
                "/ratings/1_000",
                "/ratings/+1",
                "/ratings/%31",
                "/ratings/5;x=1",
                "/ratings/7/",
                "/ratings/1%202",
                "/ratings/9223372036854775808",
                "/ratings/-"
            })
    void rejectsIdsThatAreNotDecimalIntegers(String rawPath) {
        HttpResponse<String> response = RawHttp.get(rawPath);
        assertEquals(400, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals(BAD_ID, response.body());
    }

    @ParameterizedTest(name = "GET {0} is 404")
    @ValueSource(strings = {"/ratings", "/ratingsX", "/foo", "/", "/health/", "/health;x=1", "/q/nothing"})
    void answersUnknownPathsWith404AndNoBody(String rawPath) {
        HttpResponse<String> response = RawHttp.get(rawPath);
        assertEquals(404, response.statusCode());
        assertEquals(Optional.empty(), response.headers().firstValue("Content-Type"));
        assertEquals("", response.body());
    }

    @Test
    void answersPutOnUnknownPathsWith404() {
        given().when()
                .put("/ratings")
                .then()
                .statusCode(404)
                .header("Content-Type", nullValue())
                .body(emptyString());
    }

    /** Upstream never answered these (the connection hung until the client gave up). */
    @ParameterizedTest(name = "{0} /ratings/1 is 405")
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void answersOtherMethodsWith405(String method) {
        given().body("{}")
                .when()
                .request(method, "/ratings/1")
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, POST, OPTIONS")
                .header("Content-Type", nullValue())
                .body(emptyString());
    }

    @Test
    void answersOptionsWithTheAllowedMethods() {
        given().when()
                .options("/ratings/1")
                .then()
                .statusCode(200)
                .header(
                        "Allow",
                        allOf(
                                containsString("GET"),
                                containsString("HEAD"),
                                containsString("POST"),
                                containsString("OPTIONS"),
                                not(containsString("PUT"))))
                .body(emptyString());
    }

    @Test
    void answersHeadLikeGetWithoutBody() {
        given().when()
                .head("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(emptyString());
    }

    @Test
    void answersJsonWhateverTheClientAccepts() {
        given().accept("text/html")
                .when()
                .get("/ratings/1")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":1,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @ParameterizedTest(name = "POST {1} to /ratings/{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "100 | {\"Reviewer1\":1,\"Reviewer2\":2}",
                "101 | [1,2]",
                "102 | 42",
                "103 | \"five stars\"",
                "104 | true",
                "105 | false",
                "106 | null",
                "107 | {}",
                "108 | -7"
            })
    void storesAnyPostedJsonValueAndServesItOnGet(long id, String json) {
        String expected = "{\"id\":" + id + ",\"ratings\":" + json + "}";
        given().contentType("application/json")
                .body(json)
                .when()
                .post("/ratings/" + id)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(expected));
        given().when()
                .get("/ratings/" + id)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(expected));
    }

    @Test
    void replacesEarlierRatingsOfTheSameProduct() {
        given().body("{\"Reviewer1\":1}").when().post("/ratings/110").then().statusCode(200);
        given().body("{\"Reviewer2\":3}").when().post("/ratings/110").then().statusCode(200);
        given().when()
                .get("/ratings/110")
                .then()
                .statusCode(200)
                .body(is("{\"id\":110,\"ratings\":{\"Reviewer2\":3}}"));
    }

    @Test
    void keepsThePostedJsonButPrintsItCompact() {
        given().body(" { \"Reviewer1\" : 5 ,\n \"nested\" : { \"a\" : [ 1 , 2 ] } } \n")
                .when()
                .post("/ratings/111")
                .then()
                .statusCode(200)
                .body(is("{\"id\":111,\"ratings\":{\"Reviewer1\":5,\"nested\":{\"a\":[1,2]}}}"));
    }

    /** Exact decimals, not JavaScript doubles; only an exponent is normalised (1e2 becomes 1E+2). */
    @Test
    void keepsPostedNumbersExact() {
        given().body("{\"a\":1.10,\"b\":12345678901234567890123,\"c\":0.1,\"d\":1e2}")
                .when()
                .post("/ratings/112")
                .then()
                .statusCode(200)
                .body(is("{\"id\":112,\"ratings\":{\"a\":1.10,\"b\":12345678901234567890123,\"c\":0.1,\"d\":1E+2}}"));
    }

    @Test
    void storesRatingsPerProductId() {
        given().body("{\"Reviewer1\":2}").when().post("/ratings/113").then().statusCode(200);
        given().when()
                .get("/ratings/0/113")
                .then()
                .statusCode(200)
                .body(is("{\"id\":113,\"ratings\":{\"Reviewer1\":2}}"));
        given().when()
                .get("/ratings/114")
                .then()
                .statusCode(200)
                .body(is("{\"id\":114,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    /** Upstream never looks at the Content-Type; the body is JSON or not. */
    @ParameterizedTest(name = "POST with Content-Type {0}")
    @CsvSource(
            nullValues = "none",
            value = {
                "none, 120",
                "text/plain, 121",
                "application/x-www-form-urlencoded, 122",
                "application/json, 123",
                "application/octet-stream, 124",
                "'multipart/form-data; boundary=x', 125"
            })
    void acceptsJsonWhateverTheContentType(String contentType, long id) {
        HttpResponse<String> response = RawHttp.post("/ratings/" + id, contentType, "{\"Reviewer1\":3}");
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals("{\"id\":" + id + ",\"ratings\":{\"Reviewer1\":3}}", response.body());
    }

    @ParameterizedTest(name = "POST {0} is 400")
    @ValueSource(
            strings = {
                "",
                " ",
                "not json",
                "{'Reviewer1':1}",
                "{\"a\":1} x",
                "{\"a\":1}{\"b\":2}",
                "[1,]",
                "{\"a\":1",
                "NaN",
                "/*c*/{}",
                "Reviewer1=5",
                "1e99999999999",
                "\"unterminated"
            })
    void rejectsBodiesThatAreNotJson(String body) {
        given().contentType("application/json")
                .body(body)
                .when()
                .post("/ratings/130")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(BAD_JSON));
        given().when()
                .get("/ratings/130")
                .then()
                .statusCode(200)
                .body(is("{\"id\":130,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @Test
    void acceptsJsonNested32Deep() {
        String deep = "[".repeat(31) + "{\"a\":1}" + "]".repeat(31);
        String expected = "{\"id\":132,\"ratings\":" + deep + "}";
        given().body(deep).when().post("/ratings/132").then().statusCode(200).body(is(expected));
        given().when().get("/ratings/132").then().statusCode(200).body(is(expected));
    }

    /** MAX_JSON_DEPTH, 32 by default; the limit is told apart from broken JSON, even beyond Jackson's own 1000. */
    @ParameterizedTest(name = "POST JSON nested {0} deep is 400")
    @ValueSource(ints = {33, 501, 1000, 5000})
    void rejectsJsonNestedDeeperThan32(int depth) {
        given().body("[".repeat(depth) + "]".repeat(depth))
                .when()
                .post("/ratings/131")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"ratings JSON is nested deeper than 32 levels\"}"));
        given().when()
                .get("/ratings/131")
                .then()
                .statusCode(200)
                .body(is("{\"id\":131,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @Test
    void rejectsTooDeepJsonEvenWhenItIsBrokenFurtherOn() {
        given().body("[".repeat(40) + "x")
                .when()
                .post("/ratings/133")
                .then()
                .statusCode(400)
                .body(is("{\"error\":\"ratings JSON is nested deeper than 32 levels\"}"));
    }

    /** Upstream's JSON.parse keeps the last of repeated keys, in the place of the first; so does the store. */
    @Test
    void keepsTheLastValueOfARepeatedKey() {
        given().body("{\"a\":1,\"b\":2,\"a\":3}")
                .when()
                .post("/ratings/134")
                .then()
                .statusCode(200)
                .body(is("{\"id\":134,\"ratings\":{\"a\":3,\"b\":2}}"));
    }

    @Test
    void checksTheIdBeforeTheBody() {
        given().body("not json")
                .when()
                .post("/ratings/abc")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(BAD_ID));
    }

    @ParameterizedTest(name = "POST {0} is 400")
    @ValueSource(strings = {"/ratings/", "/ratings/12abc", "/ratings/%31", "/ratings/1/"})
    void rejectsPostsToIdsThatAreNotDecimalIntegers(String rawPath) {
        HttpResponse<String> response = RawHttp.post(rawPath, "application/json", "{\"Reviewer1\":1}");
        assertEquals(400, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals(BAD_ID, response.body());
    }

    @Test
    void acceptsBodiesOfExactly64KiB() {
        String text = "a".repeat(64 * 1024 - 2);
        String json = "\"" + text + "\"";
        assertEquals(65536, json.length());
        given().body(json)
                .when()
                .post("/ratings/140")
                .then()
                .statusCode(200)
                .body(is("{\"id\":140,\"ratings\":" + json + "}"));
    }

    @Test
    void rejectsBodiesOver64KiBWith413() {
        String json = "\"" + "a".repeat(64 * 1024 - 1) + "\"";
        given().body(json).when().post("/ratings/141").then().statusCode(413);
        given().when()
                .get("/ratings/141")
                .then()
                .statusCode(200)
                .body(is("{\"id\":141,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @Test
    void rejectsChunkedBodiesOver64KiBWith413() {
        byte[] body = ("[" + "1,".repeat(40_000) + "1]").getBytes();
        assertTrue(body.length > 64 * 1024);
        assertEquals(413, RawHttp.postChunked("/ratings/142", body).statusCode());
    }

    /** Browsers must not sniff a JSON answer (or an error) into HTML or script. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/ratings/0", "/ratings/abc", "/health", "/ratings"})
    void tellsBrowsersNotToSniffTheContentType(String path) {
        given().get(path).then().header("X-Content-Type-Options", "nosniff");
    }
}
