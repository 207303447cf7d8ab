package dev.bookinfo.ratings.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.bookinfo.common.ProductIds;
import dev.bookinfo.ratings.service.Faults;
import dev.bookinfo.ratings.service.RatingsStore;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * {@code GET} and {@code POST /ratings/{id}} (contract 6.3, 6.4). The id is the last path segment, like
 * upstream ({@code /ratings/0/7} is product 7), but must be a plain decimal number (DESIGN 3).
 * Other methods get a 405 ({@link MethodNotAllowed}) where upstream left the connection hanging.
 */
@Path("/ratings")
@NonBlocking
public class RatingsResource {

    private static final ErrorBody BAD_ID = new ErrorBody("please provide numeric product ID");
    private static final ErrorBody BAD_JSON = new ErrorBody("please provide valid ratings JSON");
    private static final ErrorBody UNAVAILABLE = new ErrorBody("Service unavailable");

    /**
     * Deepest posted JSON accepted. Jackson refuses to write more than 1000 levels, and the answer wraps the
     * posted value in one more object: without a lower limit here, a value could be stored that no GET can
     * return.
     */
    static final int MAX_NESTING_DEPTH = 500;

    private final RatingsStore store;
    private final Faults faults;
    private final ObjectReader jsonReader;

    @Inject
    public RatingsResource(RatingsStore store, Faults faults) {
        this.store = store;
        this.faults = faults;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        // Like JSON.parse: one value, nothing after it. Exact decimals keep posted numbers as written.
        this.jsonReader = new ObjectMapper(factory).reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** The ratings of a product, subject to the fault variant. Delays never hold a thread. */
    @GET
    @Path("{id: .*}")
    public Uni<Response> get(@Context HttpServerRequest request) {
        OptionalLong id = productId(request);
        if (id.isEmpty()) {
            return Uni.createFrom().item(json(Response.Status.BAD_REQUEST, BAD_ID));
        }
        long productId = id.getAsLong();
        return switch (faults.nextGet()) {
            case NORMAL -> Uni.createFrom().item(() -> ratings(productId));
            case DELAYED -> Uni.createFrom().voidItem()
                    .onItem().delayIt().by(faults.delay())
                    .map(ignored -> ratings(productId));
            case UNAVAILABLE -> Uni.createFrom().item(json(Response.Status.SERVICE_UNAVAILABLE, UNAVAILABLE));
        };
    }

    /**
     * Replaces the ratings of a product with the posted JSON value, whatever the Content-Type says
     * (upstream never looks at it). Never faulty.
     */
    @POST
    @Path("{id: .*}")
    public Response post(@Context HttpServerRequest request, byte[] body) {
        OptionalLong id = productId(request);
        if (id.isEmpty()) {
            return json(Response.Status.BAD_REQUEST, BAD_ID);
        }
        JsonNode ratings = parse(body);
        if (ratings == null) {
            return json(Response.Status.BAD_REQUEST, BAD_JSON);
        }
        store.put(id.getAsLong(), ratings);
        return ratings(id.getAsLong());
    }

    private Response ratings(long id) {
        return json(Response.Status.OK, new RatingsBody(id, store.get(id)));
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = jsonReader.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
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
    private static OptionalLong productId(HttpServerRequest request) {
        String path = request.path();
        return ProductIds.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    private static Response json(Response.Status status, Object body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
