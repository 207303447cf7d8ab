package dev.bookinfo.productpage.rest;

import dev.bookinfo.common.rest.FixedAnswer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

/** Upstream's plain health check (docs/upstream.md#productpage-routes). Kubernetes probes use {@code /q/health/*}. */
@Path("/health")
@NonBlocking
public class HealthResource {

    static final FixedAnswer HEALTHY = FixedAnswer.ok(Html.UTF8, "Product page is healthy");

    @GET
    public RestResponse<byte[]> health() {
        return HEALTHY.response();
    }
}
