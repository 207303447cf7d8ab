package dev.bookinfo.productpage.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Responses with the content type spelled exactly as upstream's Flask sends it
 * ({@code text/html; charset=utf-8}); {@code @Produces} would drop the space.
 *
 * <p>The body goes out as UTF-8 bytes encoded here: {@code String.getBytes} copies an all-ASCII page in one
 * step, where a {@code String} entity is encoded by Netty one character at a time (7 % of productpage's CPU under
 * load, bench/README.md). The templates write non-ASCII characters as entities ({@code &rarr;}) to keep it so.
 */
final class Html {

    static final String UTF8 = "text/html; charset=utf-8";

    private Html() {}

    static RestResponse<byte[]> ok(String body) {
        return ok(body.getBytes(StandardCharsets.UTF_8));
    }

    static RestResponse<byte[]> ok(byte[] utf8) {
        return RestResponse.ResponseBuilder.ok(utf8)
                .header(HttpHeaders.CONTENT_TYPE, UTF8)
                .build();
    }
}
