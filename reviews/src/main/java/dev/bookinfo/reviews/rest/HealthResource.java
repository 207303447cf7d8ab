package dev.bookinfo.reviews.rest;

import dev.bookinfo.common.rest.FixedAnswer;
import dev.bookinfo.security.PublicEndpoint;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Upstream's health endpoint, byte for byte (upstream builds it by hand, with a space after the colon), with the
 * content type of reviews' other answers. Kubernetes probes use {@code /q/health/live} and {@code /q/health/ready}
 * instead.
 */
@PublicEndpoint // probes and upstream's checks call it without a token, in JWT_MODE=standalone too
@Path("/health")
@NonBlocking
public class HealthResource {

    static final FixedAnswer HEALTHY =
            FixedAnswer.ok("application/json;charset=UTF-8", "{\"status\": \"Reviews is healthy\"}");

    @GET
    public RestResponse<byte[]> health() {
        return HEALTHY.response();
    }
}
