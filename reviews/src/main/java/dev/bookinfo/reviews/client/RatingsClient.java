package dev.bookinfo.reviews.client;

import dev.bookinfo.common.PropagatedHeadersFactory;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The ratings service, called by v2 and v3 once per request, without retry. URL and timeouts come from
 * {@code quarkus.rest-client.ratings.*} (defaults: {@link dev.bookinfo.reviews.config.RatingsClientDefaults}); the
 * client is a pooled keep-alive Vert.x client shared by all requests.
 */
@RegisterRestClient(configKey = "ratings")
@RegisterClientHeaders(PropagatedHeadersFactory.class)
@Path("/ratings")
public interface RatingsClient {

    /**
     * {@code GET /ratings/{productId}} with {@code Accept: application/json}. The body is read as text so that the
     * caller decides what a usable answer is, whatever content type ratings sends (its MySQL error has none).
     */
    @GET
    @Path("/{productId}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<String>> ratings(@RestPath int productId);
}
