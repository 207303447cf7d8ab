package dev.bookinfo.ratings.rest;

import dev.bookinfo.ratings.service.Faults;
import dev.bookinfo.security.PublicEndpoint;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Upstream's health endpoint (docs/upstream.md#ratings-routes): 500 only in v-unhealthy's unhealthy phases. Kubernetes
 * probes use {@code /q/health/*} instead. POST here is a 404, see {@link UpstreamRoutes}.
 */
@PublicEndpoint // probes and upstream's checks call it without a token, in JWT_MODE=standalone too
@Path("/health")
@NonBlocking
public class HealthResource {

    private static final HealthBody HEALTHY = new HealthBody("Ratings is healthy");
    private static final HealthBody UNHEALTHY = new HealthBody("Ratings is not healthy");

    private final Faults faults;

    @Inject
    public HealthResource(Faults faults) {
        this.faults = faults;
    }

    @GET
    public Response health() {
        if (faults.healthy()) {
            return Response.ok(HEALTHY, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.serverError().entity(UNHEALTHY).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
