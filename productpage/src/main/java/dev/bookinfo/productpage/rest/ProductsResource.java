package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.client.ForwardedHeaders;
import dev.bookinfo.productpage.service.BackendResult;
import dev.bookinfo.productpage.service.Backends;
import dev.bookinfo.productpage.service.JsonBodies;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The JSON API (docs/upstream.md#productpage-routes). The id goes to the backend verbatim; a backend 200 is
 * re-serialised, any other status is mirrored with a fixed error body, and no response at all gives 500. Istio's
 * fault-injection tasks rely on the mirrored statuses.
 */
@Path("/api/v1/products")
public class ProductsResource {

    private static final Logger LOG = Logger.getLogger(ProductsResource.class);

    private final Backends backends;
    private final JsonBodies json;
    private final CurrentUser currentUser;

    ProductsResource(Backends backends, JsonBodies json, CurrentUser currentUser) {
        this.backends = backends;
        this.json = json;
        this.currentUser = currentUser;
    }

    /** The static product list; no backend call. */
    @GET
    @NonBlocking
    public Response products() {
        return json(200, json.products());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> details(@RestPath String id, HttpServerRequest request) {
        ForwardedHeaders headers = headers(request);
        return backends.details(id, headers)
                .map(result -> mirror("details", result, JsonBodies.DETAILS_ERROR, headers));
    }

    @GET
    @Path("/{id}/reviews")
    public Uni<Response> reviews(@RestPath String id, HttpServerRequest request) {
        ForwardedHeaders headers = headers(request);
        return backends.reviews(id, headers)
                .map(result -> mirror("reviews", result, JsonBodies.REVIEWS_ERROR, headers));
    }

    @GET
    @Path("/{id}/ratings")
    public Uni<Response> ratings(@RestPath String id, HttpServerRequest request) {
        ForwardedHeaders headers = headers(request);
        return backends.ratings(id, headers)
                .map(result -> mirror("ratings", result, JsonBodies.RATINGS_ERROR, headers));
    }

    private ForwardedHeaders headers(HttpServerRequest request) {
        return ForwardedHeaders.capture(request.headers(), currentUser.endUser());
    }

    private Response mirror(String backend, BackendResult result, String errorBody, ForwardedHeaders headers) {
        if (result.ok()) {
            var body = json.reserialize(result.body());
            if (body.isPresent()) {
                return json(200, body.get());
            }
            LOG.warnf("%s answered 200 with a body that is not JSON (request %s)", backend, headers.requestId());
            return json(BackendResult.NO_RESPONSE, errorBody);
        }
        int status = result.status() >= 200 && result.status() <= 599 ? result.status() : BackendResult.NO_RESPONSE;
        return json(status, errorBody);
    }

    /** Plain {@code application/json}, as upstream sends it (no charset parameter). */
    private static Response json(int status, String body) {
        return Response.status(status)
                .entity(body)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .build();
    }
}
