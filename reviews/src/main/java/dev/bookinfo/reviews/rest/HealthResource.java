package dev.bookinfo.reviews.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.bookinfo.security.PublicEndpoint;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Upstream's health endpoint, byte for byte (upstream builds it by hand, with a space after the colon). Kubernetes
 * probes use {@code /q/health/live} and {@code /q/health/ready} instead.
 */
@PublicEndpoint // probes and upstream's checks call it without a token, in JWT_MODE=standalone too
@Path("/health")
public class HealthResource {

    static final String HEALTHY = "{\"status\": \"Reviews is healthy\"}";

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return HEALTHY;
    }
}
