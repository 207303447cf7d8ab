package dev.bookinfo.productpage.rest;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

/** Upstream's plain health check (docs/upstream.md#productpage-routes). Kubernetes probes use {@code /q/health/*}. */
@Path("/health")
public class HealthResource {

    static final String HEALTHY = "Product page is healthy";

    @GET
    @NonBlocking
    public RestResponse<byte[]> health() {
        return Html.ok(HEALTHY);
    }
}
