package dev.bookinfo.details.rest;

import dev.bookinfo.common.rest.FixedAnswer;
import dev.bookinfo.security.PublicEndpoint;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Upstream's {@code /health}, which also answers any path below it. Kubernetes probes use
 * {@code /q/health/live} and {@code /q/health/ready} instead.
 *
 * <p>GET, POST and PUT behave alike because upstream's WEBrick handler ignores the method; HEAD comes with GET.
 * Any other method gets 405. The answer is always JSON, whatever the {@code Accept} header says.
 */
@PublicEndpoint // probes and upstream's checks call it without a token, in JWT_MODE=standalone too
@Path("health{rest: (/.*)?}")
@NonBlocking
public class HealthResource {

    static final FixedAnswer HEALTHY = FixedAnswer.ok(FixedAnswer.JSON, "{\"status\":\"Details is healthy\"}");

    @GET
    public RestResponse<byte[]> get() {
        return HEALTHY.response();
    }

    @POST
    public RestResponse<byte[]> post() {
        return HEALTHY.response();
    }

    @PUT
    public RestResponse<byte[]> put() {
        return HEALTHY.response();
    }
}
