package dev.bookinfo.details.client;

import dev.bookinfo.common.ThirdPartyHeadersFactory;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The one Google Books call details v2 makes; of the incoming request's headers, those meant for a third party travel
 * along ({@link ThirdPartyHeadersFactory}): never the user's credentials.
 *
 * <p>There is no {@code @RegisterRestClient}: {@link GoogleBooksClientProducer} builds the client from
 * {@code bookinfo.google-books.*}, so {@code quarkus.rest-client.*} properties for it would have no effect and
 * are better not suggested.
 *
 * <p>The body is read as a string so that a non-JSON answer or an error status becomes a clear message
 * instead of a client exception.
 */
@RegisterClientHeaders(ThirdPartyHeadersFactory.class)
@Path("/books/v1/volumes")
public interface GoogleBooksClient extends AutoCloseable {

    /** {@code GET /books/v1/volumes?q=<query>}, e.g. {@code q=isbn:0486424618}. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<String>> volumes(@RestQuery("q") String query);
}
