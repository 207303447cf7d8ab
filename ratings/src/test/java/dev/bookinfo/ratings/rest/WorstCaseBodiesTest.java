package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.ratings.service.RatingsStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bodies within the 64 KiB limit whose compact form is larger than they are, posted to more products than the store
 * holds (the default 100): the store must hold at most 64 KiB per product, counted by its own accounting, and a body
 * that would take more is refused with 413. Before, such bodies were stored as Java strings, of up to 118,000
 * characters at two bytes each, 3.6 times the bound the README stated. Its own application (a test profile), because
 * it fills the store; the tests run in order because they share it.
 */
@QuarkusTest
@TestProfile(WorstCaseBodiesTest.OwnStore.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorstCaseBodiesTest {

    private static final int LIMIT = 64 * 1024;
    private static final String TOO_LONG = "{\"error\":\"ratings JSON is longer than 64 KiB written compactly\"}";

    public static class OwnStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("MAX_POSTED_PRODUCTS", "100");
        }
    }

    @Inject
    RatingsStore store;

    /**
     * The bodies, each of exactly 64 KiB, and each written back about twice as long: {@code 1e-6} comes back as
     * {@code 0.000001}, {@code 0e-6} as {@code 0.000000}. A character outside Latin-1 doubled the size of the string
     * it was kept in; nesting and keys add their own bytes.
     */
    static Map<String, byte[]> worstBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("the attacker's [\"Ā\",1e-6,...]", fill("[\"Ā\"", i -> ",1e-6", "]"));
        bodies.put("[0e-6,...]", fill("[0e-6", i -> ",0e-6", "]"));
        bodies.put(
                "an object with many keys",
                fill("{\"\\u0100\":1e-6", i -> ",\"" + Integer.toString(i, 36) + "\":1e-6", "}"));
        bodies.put("nested 32 deep", fill("[".repeat(32) + "1e-6", i -> ",1e-6", "]".repeat(32)));
        return bodies;
    }

    /** head, then as many parts as fit, then tail, padded with spaces to exactly 64 KiB. */
    static byte[] fill(String head, IntFunction<String> part, String tail) {
        StringBuilder json = new StringBuilder(head);
        int tailBytes = tail.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; ; i++) {
            String next = part.apply(i);
            if (utf8(json) + next.length() + tailBytes > LIMIT) {
                break;
            }
            json.append(next);
        }
        json.append(" ".repeat(LIMIT - utf8(json) - tailBytes)).append(tail);
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(LIMIT, body.length);
        return body;
    }

    private static int utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    @Order(1)
    void refusesBodiesWhoseCompactFormIsOver64KiB() {
        long id = 1;
        for (Map.Entry<String, byte[]> body : worstBodies().entrySet()) {
            given().body(body.getValue())
                    .when()
                    .post("/ratings/" + id)
                    .then()
                    .statusCode(413)
                    .header("Content-Type", "application/json")
                    .body(is(TOO_LONG));
            given().when()
                    .get("/ratings/" + id)
                    .then()
                    .statusCode(200)
                    .body(is("{\"id\":" + id + ",\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
            id++;
        }
        assertEquals(0, store.bytesHeld());
    }

    /**
     * Halves of the worst bodies fit: their compact form is just under 64 KiB. Posted to 101 products, then the worst
     * bodies as updates of the stored ones, the store holds at most 100 x 64 KiB, and every product answers GET with
     * exactly what its POST answered.
     */
    @Test
    @Order(2)
    void holdsAtMost64KiBPerProductWhateverIsPosted() {
        // ["Ā" and ] are 6 bytes, each 1e-6 is 9 written back: the longest array of this kind that fits, 64 KiB - 1.
        int parts = (LIMIT - 6) / 9;
        byte[] fits = ("[\"Ā\"" + ",1e-6".repeat(parts) + "]").getBytes(StandardCharsets.UTF_8);
        for (long id = 100; id < 200; id++) {
            byte[] answer = given().body(fits)
                    .when()
                    .post("/ratings/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            assertEquals(LIMIT - 1 + ("{\"id\":" + id + ",\"ratings\":}").length(), answer.length);
            assertArrayEquals(
                    answer,
                    given().when().get("/ratings/" + id).then().extract().asByteArray());
        }
        given().body(fits).when().post("/ratings/200").then().statusCode(409);
        for (byte[] worst : worstBodies().values()) {
            given().body(worst).when().post("/ratings/150").then().statusCode(413);
        }
        long held = store.bytesHeld();
        assertEquals(100L * (LIMIT - 1), held);
        assertTrue(held <= 100L * LIMIT, () -> held + " bytes held");
    }

    /** Which well-formed UTF-8 a lone surrogate can take: the escape JSON.stringify writes, never a 500. */
    @Test
    @Order(3)
    void writesALoneSurrogateBackAsAnEscape() {
        String posted = "{\"a\":\"\\ud800\",\"b\":\"\\ud83d\\ude00 ☺\",\"c\":\"\\udc00x\"}";
        String stored = "{\"a\":\"\\uD800\",\"b\":\"\uD83D\uDE00 ☺\",\"c\":\"\\uDC00x\"}";
        for (Response response : new Response[] {
            given().body(posted.getBytes(StandardCharsets.UTF_8)).when().post("/ratings/150"),
            given().when().get("/ratings/150")
        }) {
            assertEquals(200, response.statusCode());
            assertEquals(
                    "{\"id\":150,\"ratings\":" + stored + "}",
                    new String(response.asByteArray(), StandardCharsets.UTF_8));
        }
    }
}
