package dev.bookinfo.observability;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the request's {@code x-request-id} (Istio's request id) and end user on the server span and the request id
 * in the log context ({@code requestId} in JSON logs), so a log line, an app span and the sidecars' spans (which Envoy
 * tags {@code guid:x-request-id}) are found by the same id.
 */
public class RequestTags {

    /** The span attribute Envoy uses for the request id, so one tag query finds app and sidecar spans. */
    public static final String REQUEST_ID_ATTRIBUTE = "guid:x-request-id";
    /** OpenTelemetry's attribute for the authenticated user. */
    public static final String END_USER_ATTRIBUTE = "enduser.id";
    /** The log context key of the request id. */
    public static final String REQUEST_ID_MDC = "requestId";

    private final boolean endUserFromHeader;

    RequestTags(TracingConfig config) {
        this.endUserFromHeader = config.endUserFromHeader();
    }

    /** Before routing and before any other filter, so that a request refused early (401, 404) is tagged too. */
    @ServerRequestFilter(preMatching = true)
    public void tagRequest(ContainerRequestContext request) {
        tag(request.getHeaderString("x-request-id"),
                endUserFromHeader ? request.getHeaderString("end-user") : null);
    }

    /** Tags the current server span and log context; {@code null} values are left out. */
    public static void tag(String requestId, String endUser) {
        if (requestId != null) {
            MDC.put(REQUEST_ID_MDC, requestId);
        }
        Span span = Span.current();
        if (span.isRecording()) {
            if (requestId != null) {
                span.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
            }
            if (endUser != null) {
                span.setAttribute(END_USER_ATTRIBUTE, endUser);
            }
        }
    }
}
