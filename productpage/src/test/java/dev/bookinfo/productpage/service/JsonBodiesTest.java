package dev.bookinfo.productpage.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Python-style re-serialisation and the "not JSON means failed" rule. */
class JsonBodiesTest {

    private final JsonBodies json = new JsonBodies(new ObjectMapper());

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"b\":1,\"a\":[1,2,{}]}|{\"b\": 1, \"a\": [1, 2, {}]}",
                "[]|[]",
                "\"text\"|\"text\"",
                "  {\"x\" : null , \"y\":true}  |{\"x\": null, \"y\": true}",
                "{\"f\":1.0,\"g\":-0.25,\"h\":1e3,\"i\":12.50}|{\"f\": 1.0, \"g\": -0.25, \"h\": 1000.0, \"i\": 12.5}"
            })
    void jsonIsReserialisedWithPythonSeparators(String in, String out) {
        assertEquals(Optional.of(out), json.reserialize(in));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "<html></html>", "{", "{} {}", "{\"a\":1} trailing", "nul"})
    void anythingElseIsNotJson(String body) {
        assertEquals(Optional.empty(), json.reserialize(body));
    }

    @Test
    void reviewsWithUnexpectedShapesAreRejectedNotThrown() {
        assertEquals(Optional.empty(), json.reviews("[]"));
        assertEquals(Optional.empty(), json.reviews("{\"reviews\": {\"a\": 1}}"));
        assertEquals(Optional.empty(), json.reviews("{\"reviews\": [{\"rating\": {\"stars\": \"many\"}}]}"));
        BookReviews empty = json.reviews("{\"reviews\": [null]}").orElseThrow();
        assertEquals(List.of(), empty.reviews());
    }

    @Test
    void detailsNumbersBecomeText() {
        BookDetails details =
                json.details("{\"pages\": 200, \"ISBN-10\": \"1234567890\"}").orElseThrow();
        assertEquals("200", details.pages());
        assertEquals("1234567890", details.isbn10());
        assertEquals("", details.publisher());
        assertTrue(json.details("{\"pages\": {}}").isEmpty());
    }
}
