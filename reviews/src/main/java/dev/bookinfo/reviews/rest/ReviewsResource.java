package dev.bookinfo.reviews.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.bookinfo.common.ProductIds;
import dev.bookinfo.reviews.service.ReviewsResponse;
import dev.bookinfo.reviews.service.ReviewsService;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /reviews/{productId}}: always 200 for a 32-bit decimal id (ratings problems become rating errors),
 * 404 with a JSON error body otherwise. Runs on the event loop; nothing here blocks.
 */
@Path("/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    private static final ErrorBody NOT_NUMERIC = new ErrorBody("please provide numeric product id");

    private final ReviewsService reviews;

    ReviewsResource(ReviewsService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Path("/{productId}")
    public Uni<ReviewsResponse> reviews(@RestPath String productId, @RestHeader("x-request-id") String requestId) {
        int id = ProductIds.parseInt(productId).orElseThrow(ProductIdNotNumeric::new);
        return reviews.reviews(id, requestId);
    }

    /** {@code /reviews} without an id: the same 404 as a bad id. */
    @GET
    @NonBlocking
    public RestResponse<ErrorBody> withoutProductId() {
        return notNumeric(null);
    }

    /**
     * Upstream answered 404 because JAX-RS could not convert the path parameter to {@code int}; we keep the status
     * and add a body. Octal, hex, {@code 12abc}, {@code 1.5}, spaces and values beyond 32 bits all land here.
     */
    @ServerExceptionMapper
    RestResponse<ErrorBody> notNumeric(ProductIdNotNumeric e) {
        return RestResponse.status(RestResponse.Status.NOT_FOUND, NOT_NUMERIC);
    }

    /** Thrown for an id that is not a 32-bit decimal integer; an expected client mistake, so no stack trace. */
    static final class ProductIdNotNumeric extends RuntimeException {
        ProductIdNotNumeric() {
            super("product id is not a 32-bit decimal integer", null, false, false);
        }
    }
}
