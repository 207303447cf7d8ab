package dev.bookinfo.ratings.rest;

import dev.bookinfo.common.rest.FixedAnswer;
import dev.bookinfo.ratings.service.Faults;
import dev.bookinfo.security.PublicEndpoint;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Upstream's health endpoint (docs/upstream.md#ratings-routes): 500 only in v-unhealthy's unhealthy phases. Kubernetes
 * probes use {@code /q/health/*} instead. POST here is a 404, see {@link UpstreamRoutes}.
 */
@PublicEndpoint // probes and upstream's checks call it without a token, in JWT_MODE=standalone too
@Path("/health")
@NonBlocking
public class HealthResource {

    static final FixedAnswer HEALTHY = FixedAnswer.ok(FixedAnswer.JSON, "{\"status\":\"Ratings is healthy\"}");
    static final FixedAnswer UNHEALTHY =
            FixedAnswer.of(500, FixedAnswer.JSON, "{\"status\":\"Ratings is not healthy\"}");

    private final Faults faults;

    public HealthResource(Faults faults) {
        this.faults = faults;
    }

    @GET
    public RestResponse<byte[]> health() {
        return (faults.healthy() ? HEALTHY : UNHEALTHY).response();
    }
}
