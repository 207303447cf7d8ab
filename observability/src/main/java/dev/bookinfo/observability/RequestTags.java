package dev.bookinfo.observability;

import dev.bookinfo.common.LogText;
import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the request's {@code x-request-id} (Istio's request id) and end user on the server span and the request id
 * in the log context ({@code requestId} in JSON logs, escaped and cut at 64 characters like every client's text in
 * a log line), so a log line, an app span and the sidecars' spans (which Envoy
 * tags {@code guid:x-request-id}) are found by the same id. With tracing off there is no span; the log context then
 * gets the incoming trace id ({@code traceId}, as OpenTelemetry would put it), the trace of the sidecars' spans.
 */
public class RequestTags {

    /** The span attribute Envoy uses for the request id, so one tag query finds app and sidecar spans. */
    public static final String REQUEST_ID_ATTRIBUTE = "guid:x-request-id";
    /** OpenTelemetry's attribute for the authenticated user. */
    public static final String END_USER_ATTRIBUTE = "enduser.id";
    /** The log context key of the request id. */
    public static final String REQUEST_ID_MDC = "requestId";
    /** The log context key of the trace id, OpenTelemetry's. */
    public static final String TRACE_ID_MDC = "traceId";

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}.*");

    private final boolean endUserFromHeader;
    private final boolean tracingOff;

    RequestTags(TracingConfig config) {
        this.endUserFromHeader = config.endUserFromHeader();
        this.tracingOff = config.off();
    }

    /** Before routing and before any other filter, so that a request refused early (401, 404) is tagged too. */
    @ServerRequestFilter(preMatching = true)
    public void tagRequest(ContainerRequestContext request) {
        tag(request.getHeaderString("x-request-id"), endUserFromHeader ? request.getHeaderString("end-user") : null);
        if (tracingOff) {
            String traceId =
                    incomingTraceId(request.getHeaderString("x-b3-traceid"), request.getHeaderString("traceparent"));
            if (traceId != null) {
                MDC.put(TRACE_ID_MDC, traceId);
            }
        }
    }

    /** The trace id B3 carries, else W3C's, when well-formed (B3 wins, as with OpenTelemetry's propagators). */
    static String incomingTraceId(String b3TraceId, String traceparent) {
        if (b3TraceId != null) {
            String lower = b3TraceId.toLowerCase(Locale.ROOT);
            if (TRACE_ID.matcher(lower).matches()) {
                return lower;
            }
        }
        if (traceparent != null) {
            Matcher matcher = TRACEPARENT.matcher(traceparent);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /** Tags the current server span and log context; {@code null} values are left out. */
    public static void tag(String requestId, String endUser) {
        if (requestId != null) {
            // Every line of the request carries it in JSON logs: a client's 19 KB id would be 19 KB on each.
            MDC.put(REQUEST_ID_MDC, LogText.requestId(requestId));
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
