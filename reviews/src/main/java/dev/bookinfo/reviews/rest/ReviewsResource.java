package dev.bookinfo.reviews.rest;

import dev.bookinfo.common.rest.ProductIdRule;
import dev.bookinfo.reviews.service.ReviewsResponse;
import dev.bookinfo.reviews.service.ReviewsService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * {@code GET /reviews/{productId}}: always 200 for a 32-bit decimal id (ratings problems become rating errors),
 * 404 with a JSON error body otherwise. Runs on the event loop; nothing here blocks.
 */
@Path("/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    /**
     * Upstream answered 404 because JAX-RS could not convert the path parameter to {@code int}; we keep the status
     * and add a body. Octal, hex, {@code 12abc}, {@code 1.5}, spaces and values beyond 32 bits all get it.
     */
    static final ProductIdRule IDS = new ProductIdRule(404, ProductIdRule.NOT_NUMERIC);

    private final ReviewsService reviews;

    ReviewsResource(ReviewsService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Path("/{productId}")
    public Uni<ReviewsResponse> reviews(@RestPath String productId, @RestHeader("x-request-id") String requestId) {
        return reviews.reviews(IDS.parseInt(productId), requestId);
    }

    /** {@code /reviews} without an id: the same 404 as a bad id. */
    @GET
    public Uni<ReviewsResponse> withoutProductId() {
        return Uni.createFrom().failure(IDS.rejected());
    }
}
