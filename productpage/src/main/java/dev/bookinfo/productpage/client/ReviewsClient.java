package dev.bookinfo.productpage.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The reviews service. Base URL: {@code quarkus.rest-client.reviews.url}. Every status comes back as a
 * response ({@code disable-default-mapper}); the body is read as text so that productpage decides
 * what a non-JSON body means. The headers of the request being served go along ({@link ProductPageHeadersFactory},
 * {@link ForwardedHeaders}), and a signed-in user's access token ({@link UserAccessTokenFilter}).
 */
@RegisterRestClient(configKey = "reviews")
@RegisterClientHeaders(ProductPageHeadersFactory.class)
@RegisterProvider(UserAccessTokenFilter.class)
@Path("/reviews")
public interface ReviewsClient {

    /** {@code GET /reviews/{id}}; the id is sent verbatim, encoded as one path segment. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<String>> get(@PathParam("id") String id, @BeanParam ForwardedHeaders headers);
}
