package dev.bookinfo.details.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.bookinfo.security.PublicEndpoint;

/**
 * Upstream's {@code /health}, which also answers any path below it. Kubernetes probes use
 * {@code /q/health/live} and {@code /q/health/ready} instead.
 *
 * <p>GET, POST and PUT behave alike because upstream's WEBrick handler ignores the method; HEAD comes with GET.
 * Any other method gets 405. The answer is always JSON, whatever the {@code Accept} header says.
 */
@PublicEndpoint // probes and upstream's checks call it without a token, in JWT_MODE=standalone too
@Path("health{rest: (/.*)?}")
public class HealthResource {

    @GET
    public Response get() {
        return healthy();
    }

    @POST
    public Response post() {
        return healthy();
    }

    @PUT
    public Response put() {
        return healthy();
    }

    private static Response healthy() {
        return Response.ok(HealthStatus.HEALTHY, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
