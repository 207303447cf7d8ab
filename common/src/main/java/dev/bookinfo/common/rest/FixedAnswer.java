package dev.bookinfo.common.rest;

import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * An answer whose status, content type and body never change, sent byte for byte as upstream spells them: each
 * service's {@code /health} (docs/upstream.md#the-four-services). A serialised record or {@code @Produces} would
 * respell them (reviews' space after the colon, productpage's {@code text/html; charset=utf-8}). The body is encoded
 * once; each request gets its own response around the same bytes.
 */
public final class FixedAnswer {

    /** The content type of upstream's JSON answers, without a charset. */
    public static final String JSON = "application/json";

    private final int status;
    private final String contentType;
    private final byte[] body;

    private FixedAnswer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code body} with status 200. */
    public static FixedAnswer ok(String contentType, String body) {
        return new FixedAnswer(200, contentType, body);
    }

    public static FixedAnswer of(int status, String contentType, String body) {
        return new FixedAnswer(status, contentType, body);
    }

    public RestResponse<byte[]> response() {
        return RestResponse.ResponseBuilder.<byte[]>create(status)
                .entity(body)
                .header(HttpHeaders.CONTENT_TYPE, contentType)
                .build();
    }
}
