package dev.bookinfo.ratings.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bookinfo.common.LogText;
import dev.bookinfo.common.rest.ErrorBody;
import dev.bookinfo.common.rest.ProductIdRule;
import dev.bookinfo.ratings.config.RatingsConfig;
import dev.bookinfo.ratings.service.DatabaseFailure;
import dev.bookinfo.ratings.service.DatabaseRatings;
import dev.bookinfo.ratings.service.Faults;
import dev.bookinfo.ratings.service.RatingsDatabase;
import dev.bookinfo.ratings.service.RatingsStore;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * {@code GET} and {@code POST /ratings/{id}} (docs/upstream.md#ratings-routes, docs/upstream.md#ratings-variants). The
 * id is the last path segment, like upstream ({@code /ratings/0/7} is product 7), but must be a plain decimal number
 * (docs/upstream.md#what-we-fix). Other methods get a 405 ({@link dev.bookinfo.common.rest.ErrorMappers}) where
 * upstream left the connection hanging.
 */
@Path("/ratings")
@NonBlocking
public class RatingsResource {

    private static final Logger LOG = Logger.getLogger(RatingsResource.class);
    /** Upstream's answer to a non-numeric id, with an upper-case "ID" unlike details. */
    static final ProductIdRule IDS = new ProductIdRule(400, "please provide numeric product ID");

    private static final ErrorBody BAD_JSON = new ErrorBody("please provide valid ratings JSON");
    private static final ErrorBody UNAVAILABLE = new ErrorBody("Service unavailable");
    private static final ErrorBody POST_NOT_IMPLEMENTED =
            new ErrorBody("Post not implemented for database backed ratings");
    private static final ErrorBody TOO_LONG = new ErrorBody(
            "ratings JSON is longer than " + RatingsStore.MAX_PRODUCT_BYTES / 1024 + " KiB written compactly");
    /** For depth(): Jackson's own nesting limit (1000) is above any MAX_JSON_DEPTH, so depth() meets ours first. */
    private static final JsonFactory TOKENS = new JsonFactory();

    private final RatingsStore store;
    private final Faults faults;
    private final RatingsDatabase database;
    private final int maxDepth;
    private final ErrorBody tooDeep;
    private final ErrorBody storeFull;
    private final ObjectMapper jsonMapper;
    private final ObjectReader jsonReader;

    public RatingsResource(RatingsStore store, Faults faults, RatingsDatabase database, RatingsConfig config) {
        this.store = store;
        this.faults = faults;
        this.database = database;
        this.maxDepth = config.store().maxDepth();
        this.tooDeep = new ErrorBody("ratings JSON is nested deeper than " + maxDepth + " levels");
        this.storeFull = new ErrorBody("ratings store is full (at most " + store.maxProducts() + " products)");
        // depth() has checked the depth before the tree is read; this limit only backs it up.
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .build())
                // Compact JSON is written as UTF-8 bytes: a character outside the BMP as its four bytes, as the body
                // had it, not as a pair of escapes (Jackson's default); a lone surrogate, which only an escape can
                // post, is written back as an escape, like JSON.stringify does, never as bytes that are not UTF-8.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        this.jsonMapper = new ObjectMapper(jsonFactory);
        // Like JSON.parse: one value, nothing after it. Exact decimals keep posted numbers as written.
        this.jsonReader = jsonMapper
                .reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** The ratings of a product, subject to the fault variant. Delays never hold a thread. */
    @GET
    @Path("{id: .*}")
    public Uni<Response> get(@Context HttpServerRequest request) {
        long productId = productId(request);
        return switch (faults.nextGet()) {
            case NORMAL ->
                database.enabled()
                        ? fromDatabase(productId, request)
                        : Uni.createFrom().item(() -> ratings(productId));
            case DELAYED ->
                Uni.createFrom()
                        .voidItem()
                        .onItem()
                        .delayIt()
                        .by(faults.delay())
                        .map(ignored -> ratings(productId));
            case UNAVAILABLE -> Uni.createFrom().item(UNAVAILABLE.response(503));
        };
    }

    /**
     * Replaces the ratings of a product with the posted JSON value, whatever the Content-Type says
     * (upstream never looks at it). Never faulty.
     */
    @POST
    @Path("{id: .*}")
    public Response post(@Context HttpServerRequest request, byte[] body) {
        long productId = productId(request);
        // Before the body is even parsed: a full store costs a stream of new ids next to nothing.
        if (!store.hasRoomFor(productId)) {
            return storeFull.response(409);
        }
        if (body == null || body.length == 0) {
            return BAD_JSON.response(400);
        }
        int depth = depth(body);
        if (depth > maxDepth) {
            return tooDeep.response(400);
        }
        byte[] compact = depth < 0 ? null : compact(body);
        if (compact == null) {
            return BAD_JSON.response(400);
        }
        if (database.enabled()) {
            return POST_NOT_IMPLEMENTED.response(501);
        }
        // The body is at most 64 KiB, but its compact form can be longer (1e-6 is written back as 0.000001): the
        // store holds at most 64 KiB per product, so that a full store's size does not depend on what was posted.
        if (compact.length > RatingsStore.MAX_PRODUCT_BYTES) {
            return TOO_LONG.response(413);
        }
        if (!store.put(productId, compact)) {
            return storeFull.response(409);
        }
        // What was posted, not what the store holds now: a parallel POST for the same product may already have
        // replaced it, and upstream (single-threaded) always answers with the posted value.
        return ok(RatingsBody.of(productId, compact));
    }

    /**
     * v2: the product id is only echoed, the same two ratings serve every product (upstream's {@code ratings.js}).
     * A failed read is expected when the database is down: one WARN line, upstream's status and error body.
     */
    private Uni<Response> fromDatabase(long id, HttpServerRequest request) {
        return database.read()
                .map(read -> ok(RatingsBody.of(id, reviewers(read))))
                .onFailure(DatabaseFailure.class)
                .recoverWithItem(failure -> {
                    DatabaseFailure failed = (DatabaseFailure) failure;
                    LOG.warnf(
                            "GET %s answered %d: %s (%s) [x-request-id=%s]",
                            LogText.printable(request.path()),
                            failed.status(),
                            failed.error(),
                            failed.getMessage(),
                            LogText.requestId(request.getHeader("x-request-id")));
                    return new ErrorBody(failed.error()).response(failed.status());
                });
    }

    private static byte[] reviewers(DatabaseRatings read) {
        return ("{\"Reviewer1\":" + read.reviewer1() + ",\"Reviewer2\":" + read.reviewer2() + "}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private Response ratings(long id) {
        return ok(RatingsBody.of(id, store.get(id)));
    }

    /**
     * How deep arrays and objects nest in {@code body}, counted only up to one level past the limit; -1 when the
     * tokens read so far are not JSON. Only tokens, no tree: cheap, and it tells "too deep" apart from "not JSON".
     */
    private int depth(byte[] body) {
        int depth = 0;
        int deepest = 0;
        try (JsonParser parser = TOKENS.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) {
                    deepest = Math.max(deepest, ++depth);
                    if (deepest > maxDepth) {
                        return deepest;
                    }
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
            return deepest;
        } catch (IOException notJson) {
            return -1;
        }
    }

    /**
     * The posted value as compact JSON in UTF-8, or null when it is not one JSON value. Parsed into a tree first,
     * like upstream's {@code JSON.parse}, so that a repeated key keeps its last value; the tree is dropped at once.
     */
    private byte[] compact(byte[] body) {
        try {
            JsonNode node = jsonReader.readTree(body);
            return node == null || node.isMissingNode() ? null : jsonMapper.writeValueAsBytes(node);
        } catch (IOException | NumberFormatException notJson) {
            // NumberFormatException: numbers such as 1e99999999999 that BigDecimal cannot hold.
            return null;
        }
    }

    /**
     * Like upstream, the last segment of the raw path: still percent-encoded, with any {@code ;} parameters
     * and an empty segment after a trailing slash, all of which then fail the decimal check. Quarkus' path
     * parameter would have decoded and trimmed them.
     */
    private static long productId(HttpServerRequest request) {
        String path = request.path();
        return IDS.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private static Response ok(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
