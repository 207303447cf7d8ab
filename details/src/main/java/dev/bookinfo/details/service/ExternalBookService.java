package dev.bookinfo.details.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bookinfo.details.client.GoogleBooksClient;
import dev.bookinfo.details.client.GoogleBooksEndpoint;
import dev.bookinfo.details.client.GoogleBooksVolumes;
import dev.bookinfo.details.client.GoogleBooksVolumes.IndustryIdentifier;
import dev.bookinfo.details.client.GoogleBooksVolumes.VolumeInfo;
import dev.bookinfo.details.config.DetailsConfig;
import dev.bookinfo.observability.BackendMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * details v2: looks "The Comedy of Errors" up in Google Books (docs/upstream.md#details-v2-google-books). Every way
 * this can go wrong ends in a {@link BookLookupException} with a one-line message.
 */
@ApplicationScoped
public class ExternalBookService {

    /** Upstream's fixed ISBN: an edition of The Comedy of Errors with Shakespeare as the single author. */
    public static final String ISBN = "0486424618";
    /** {@code destination_app} of the calls in {@code request_result_total}: the name of Istio's ServiceEntry. */
    static final String DESTINATION = "googleapis";

    private final GoogleBooksClient googleBooks;
    private final ObjectMapper objectMapper;
    private final String host;
    private final Duration readTimeout;
    private final BackendMetrics metrics;

    ExternalBookService(
            GoogleBooksClient googleBooks, ObjectMapper objectMapper, DetailsConfig config, BackendMetrics metrics) {
        this.googleBooks = googleBooks;
        this.objectMapper = objectMapper;
        this.metrics = metrics;
        DetailsConfig.GoogleBooks settings = config.googleBooks();
        this.host = GoogleBooksEndpoint.baseUri(settings.url(), settings.doNotEncrypt())
                .getHost();
        this.readTimeout = settings.readTimeout();
    }

    /** The book for {@code id}; the id is only echoed, every id gets the same book. */
    public Uni<BookDetails> lookUp(long id) {
        return googleBooks
                .volumes("isbn:" + ISBN)
                // One count per call, with Google's status, or 500 when none came (as productpage counts its calls).
                .onItemOrFailure()
                .invoke((response, failure) ->
                        metrics.record(DESTINATION, failure == null ? response.getStatus() : 500))
                .onItem()
                .transform(response -> toBookDetails(id, response))
                .onFailure()
                .transform(failure -> describe(failure, host, readTimeout));
    }

    private BookDetails toBookDetails(long id, RestResponse<String> response) {
        if (response.getStatus() != RestResponse.StatusCode.OK) {
            throw new BookLookupException("Google Books answered " + response.getStatus());
        }
        GoogleBooksVolumes volumes = parse(response.getEntity());
        if (volumes == null
                || volumes.items() == null
                || volumes.items().isEmpty()
                || volumes.items().getFirst() == null) {
            throw new BookLookupException("Google Books returned no volume for ISBN " + ISBN);
        }
        VolumeInfo book = required(volumes.items().getFirst().volumeInfo(), "volumeInfo");
        List<String> authors = required(book.authors(), "authors");
        return new BookDetails(
                id,
                required(authors.isEmpty() ? null : authors.getFirst(), "authors"),
                TextNode.valueOf(required(book.publishedDate(), "publishedDate")),
                "BOOK".equals(book.printType()) ? "paperback" : "unknown",
                required(book.pageCount(), "pageCount"),
                required(book.publisher(), "publisher"),
                "en".equals(book.language()) ? "English" : "unknown",
                isbn(book, "ISBN_10"),
                isbn(book, "ISBN_13"));
    }

    private GoogleBooksVolumes parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BookLookupException("Google Books returned an empty body");
        }
        try {
            return objectMapper.readValue(body, GoogleBooksVolumes.class);
        } catch (StreamReadException notJson) {
            throw new BookLookupException("Google Books returned a body that is not JSON");
        } catch (JsonProcessingException unexpectedShape) {
            throw new BookLookupException("Google Books returned JSON of an unexpected shape");
        }
    }

    /** The identifier of the first {@code industryIdentifiers} entry of that type, as upstream. */
    private static String isbn(VolumeInfo book, String type) {
        for (IndustryIdentifier identifier : required(book.industryIdentifiers(), "industryIdentifiers")) {
            if (identifier != null && type.equals(identifier.type())) {
                return required(identifier.identifier(), type + " identifier");
            }
        }
        throw new BookLookupException("Google Books volume has no " + type + " identifier");
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new BookLookupException("Google Books volume has no " + field);
        }
        return value;
    }

    /**
     * Turns a failure of the call itself into one line; the client's own exceptions are either too chatty (a
     * chain of wrappers) or too terse. {@code host} and {@code readTimeout} only make the message concrete.
     */
    static BookLookupException describe(Throwable failure, String host, Duration readTimeout) {
        if (failure instanceof BookLookupException known) {
            return known;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
                return failed("unknown host " + host);
            }
            if (cause instanceof TimeoutException) {
                // Vert.x's NoStackTraceTimeoutException: nothing arrived within the read timeout.
                return failed("no answer within " + readTimeout.toMillis() + " ms");
            }
            if (cause instanceof ConnectException) {
                // Includes Netty's ConnectTimeoutException; messages look like "Connection refused: host/ip:port".
                return failed(firstClause(cause.getMessage(), "connection failed"));
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return failed(firstClause(root.getMessage(), root.getClass().getSimpleName()));
    }

    private static BookLookupException failed(String reason) {
        return new BookLookupException("Google Books request failed: " + reason);
    }

    /** "Connection refused: localhost/127.0.0.1:1" becomes "connection refused". */
    private static String firstClause(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String clause =
                message.lines().findFirst().orElse(message).split(": ", 2)[0].strip();
        return clause.isEmpty() ? fallback : Character.toLowerCase(clause.charAt(0)) + clause.substring(1);
    }
}
