package dev.bookinfo.details.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code GET /details/{id}}, fields in upstream's order (docs/upstream.md#details-routes).
 *
 * @param year a JSON number ({@code 1595}) for the built-in book, but Google's {@code publishedDate} string
 *        (e.g. {@code "2002"} or {@code "2002-05-01"}) in v2, exactly as upstream
 */
@RegisterForReflection
@JsonPropertyOrder({"id", "author", "year", "type", "pages", "publisher", "language", "ISBN-10", "ISBN-13"})
public record BookDetails(
        long id,
        String author,
        JsonNode year,
        String type,
        int pages,
        String publisher,
        String language,
        @JsonProperty("ISBN-10") String isbn10,
        @JsonProperty("ISBN-13") String isbn13) {

    /** The built-in book that v1 returns for every id: only {@code id} echoes the request. */
    public static BookDetails comedyOfErrors(long id) {
        return new BookDetails(
                id,
                "William Shakespeare",
                IntNode.valueOf(1595),
                "paperback",
                200,
                "PublisherA",
                "English",
                "1234567890",
                "123-1234567890");
    }
}
