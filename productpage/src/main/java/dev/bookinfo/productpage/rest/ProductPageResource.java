package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.client.ForwardedHeaders;
import dev.bookinfo.productpage.service.JsonBodies;
import dev.bookinfo.productpage.service.Product;
import dev.bookinfo.productpage.service.ProductPageService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code GET /productpage}: always 200; a failed backend shows its error block instead
 * (docs/upstream.md#page-rendering-rules). Query parameters ({@code ?u=normal}, {@code ?u=test}) are ignored, as
 * upstream.
 */
@Path("/productpage")
public class ProductPageResource {

    private final ProductPageService pages;
    private final CurrentUser currentUser;

    ProductPageResource(ProductPageService pages, CurrentUser currentUser) {
        this.pages = pages;
        this.currentUser = currentUser;
    }

    @GET
    public Uni<RestResponse<byte[]>> page(HttpServerRequest request) {
        Optional<String> user = currentUser.name();
        ForwardedHeaders headers = ForwardedHeaders.capture(request.headers(), currentUser.endUser());
        return pages.load(headers)
                .chain(data -> new ProductPage(
                                Product.COMEDY_OF_ERRORS,
                                user.orElse(null),
                                currentUser.oidc(),
                                data.details(),
                                JsonBodies.DETAILS_ERROR_TEXT,
                                data.reviews(),
                                JsonBodies.REVIEWS_ERROR_TEXT)
                        .createUni())
                .map(Html::ok);
    }
}
