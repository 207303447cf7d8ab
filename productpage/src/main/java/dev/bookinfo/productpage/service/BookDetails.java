package dev.bookinfo.productpage.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/**
 * The details fields the page shows (docs/upstream.md#the-product-page-markup); the others ({@code ISBN-13},
 * {@code author}, {@code year}) are not part of this design. Numbers arrive as text; a missing field shows empty.
 */
@RegisterForReflection
public record BookDetails(
        @JsonProperty("ISBN-10") String isbn10, String publisher, String pages, String type, String language) {

    public BookDetails {
        isbn10 = Objects.requireNonNullElse(isbn10, "");
        publisher = Objects.requireNonNullElse(publisher, "");
        pages = Objects.requireNonNullElse(pages, "");
        type = Objects.requireNonNullElse(type, "");
        language = Objects.requireNonNullElse(language, "");
    }
}
