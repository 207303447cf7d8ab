package dev.bookinfo.details.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code DO_NOT_ENCRYPT} (see docs/upstream.md#details-settings): plain HTTP on port 80 only for the exact string
 * {@code true}.
 */
class GoogleBooksEndpointTest {

    @Test
    void exactlyTrueMeansPlainHttpOnPort80() {
        assertEquals(URI.create("http://www.googleapis.com:80"), GoogleBooksEndpoint.baseUri(Optional.empty(), "true"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"false", "", "TRUE", "True", "yes", "on", "1", " true", "true "})
    void anythingElseMeansHttpsOnPort443(String doNotEncrypt) {
        assertEquals(
                URI.create("https://www.googleapis.com:443"),
                GoogleBooksEndpoint.baseUri(Optional.empty(), doNotEncrypt));
    }

    @Test
    void aConfiguredUrlWinsEitherWay() {
        URI mirror = URI.create("http://localhost:8089");
        assertEquals(mirror, GoogleBooksEndpoint.baseUri(Optional.of(mirror), "true"));
        assertEquals(mirror, GoogleBooksEndpoint.baseUri(Optional.of(mirror), "false"));
    }
}
