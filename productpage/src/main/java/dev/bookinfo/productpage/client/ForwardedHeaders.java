package dev.bookinfo.productpage.client;

import dev.bookinfo.common.LogText;
import dev.bookinfo.observability.RequestTags;
import io.vertx.core.MultiMap;
import jakarta.ws.rs.HeaderParam;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The two headers productpage writes itself on its calls to details, reviews and ratings, captured once per incoming
 * request and passed to the REST clients as a {@code @BeanParam}; everything else travels through
 * {@link ProductPageHeadersFactory} (docs/upstream.md#header-propagation). A {@code null} value is not sent.
 *
 * <p>{@code end-user} comes only from the signed-in user, never from the request: Istio's routing samples match on it,
 * so a client must not choose it. {@code x-request-id} is the incoming one, or one generated here when there is none,
 * so that all calls made for one page share an id that shows up in every log line.
 */
public final class ForwardedHeaders {

    private final String requestId;
    private final String endUser;

    private ForwardedHeaders(String requestId, String endUser) {
        this.requestId = requestId;
        this.endUser = endUser;
    }

    /**
     * The headers to write for a request with {@code incoming} headers and the signed-in {@code user}, if any. The id
     * and the user also tag the current server span ({@link RequestTags}).
     */
    public static ForwardedHeaders capture(MultiMap incoming, Optional<String> user) {
        List<String> ids = incoming.getAll("x-request-id");
        // Sent twice, the ids are joined as every other header is (PropagatedHeaders.toBookinfo).
        String requestId = ids.isEmpty() ? UUID.randomUUID().toString() : String.join(", ", ids);
        // The id sent on, generated or not, and the signed-in user (never a client's end-user header) on the span.
        RequestTags.tag(requestId, user.orElse(null));
        return new ForwardedHeaders(requestId, user.orElse(null));
    }

    /**
     * The request id sent downstream (incoming or generated) as log lines show it: a client's id is escaped and cut
     * ({@link LogText#requestId}), so that it can neither write lines of its own nor make every line 19 KB long.
     */
    public String requestId() {
        return LogText.requestId(requestId);
    }

    // Getters for the REST clients, which read them at build time: no reflection.

    @HeaderParam("x-request-id")
    public String getRequestId() {
        return requestId;
    }

    /** The signed-in user's name, or {@code null} (header not sent) when nobody is signed in. */
    @HeaderParam("end-user")
    public String getEndUser() {
        return endUser;
    }
}
