package dev.bookinfo.productpage.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * productpage's JSON in and out. Output looks like upstream's Python {@code json.dumps}: {@code ", "}
 * and {@code ": "} separators and non-ASCII escaped; field order is kept. A body that is not one
 * complete JSON document counts as a failed call (upstream answered an unhandled 500).
 */
@ApplicationScoped
public class JsonBodies {

    public static final String DETAILS_ERROR =
            "{\"error\": \"Sorry, product details are currently unavailable for this book.\"}";
    public static final String REVIEWS_ERROR =
            "{\"error\": \"Sorry, product reviews are currently unavailable for this book.\"}";
    public static final String RATINGS_ERROR =
            "{\"error\": \"Sorry, product ratings are currently unavailable for this book.\"}";

    /** The error texts shown on the page. */
    public static final String DETAILS_ERROR_TEXT = "Sorry, product details are currently unavailable for this book.";

    public static final String REVIEWS_ERROR_TEXT = "Sorry, product reviews are currently unavailable for this book.";

    private final ObjectReader treeReader;
    private final ObjectReader detailsReader;
    private final ObjectReader reviewsReader;
    private final ObjectWriter writer;
    private final String products;

    JsonBodies(ObjectMapper mapper) {
        this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.detailsReader = mapper.readerFor(BookDetails.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.reviewsReader = mapper.readerFor(BookReviews.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.writer = mapper.writer(new PythonSeparators()).with(JsonWriteFeature.ESCAPE_NON_ASCII);
        this.products = write(List.of(Product.COMEDY_OF_ERRORS));
    }

    /** {@code GET /api/v1/products}, serialised once. */
    public String products() {
        return products;
    }

    /** The backend body re-serialised, or empty when it is not JSON. */
    public Optional<String> reserialize(String body) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            JsonNode tree = treeReader.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of(writer.writeValueAsString(tree));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    public Optional<BookDetails> details(String body) {
        return read(detailsReader, body);
    }

    public Optional<BookReviews> reviews(String body) {
        return read(reviewsReader, body);
    }

    private static <T> Optional<T> read(ObjectReader reader, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(reader.readValue(body));
        } catch (IOException | RuntimeException unexpectedShape) {
            return Optional.empty();
        }
    }

    private String write(Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Python's default {@code json.dumps} separators. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }
}
