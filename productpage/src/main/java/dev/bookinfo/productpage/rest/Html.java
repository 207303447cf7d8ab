package dev.bookinfo.productpage.rest;

import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Responses with the content type spelled exactly as upstream's Flask sends it
 * ({@code text/html; charset=utf-8}); {@code @Produces} would drop the space.
 */
final class Html {

    static final String UTF8 = "text/html; charset=utf-8";

    private Html() {
    }

    static RestResponse<String> ok(String body) {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.CONTENT_TYPE, UTF8).build();
    }
}
