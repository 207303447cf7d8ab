package dev.bookinfo.productpage.client;

import dev.bookinfo.common.PropagatedHeaders;
import dev.bookinfo.common.SessionCookies;
import dev.bookinfo.observability.RequestTags;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.vertx.core.MultiMap;
import jakarta.ws.rs.HeaderParam;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The headers productpage sends to details, reviews and ratings (docs/upstream.md#header-propagation), captured once
 * per incoming request and passed to the REST clients as a {@code @BeanParam}. A {@code null} value is
 * not sent.
 *
 * <p>Not everything on the shared list is copied: the W3C and B3 trace headers are re-encoded the way upstream's
 * propagator does (docs/upstream.md#b3-in-productpage), by OpenTelemetry's propagators {@code tracecontext,b3multi}:
 * with tracing on, on every call, naming productpage's client span as the parent; with tracing off, here, from the
 * incoming trace context, which then goes on with the span id it arrived with. {@code end-user} comes only from the
 * signed-in user, never from the request.
 * {@code cookie} goes without productpage's own session cookies ({@link SessionCookies}): they are the reader's
 * credentials here, and a backend has no use for them.
 */
public final class ForwardedHeaders {

    /** Headers on the shared list that are deliberately not copied from the incoming request. */
    public static final Set<String> NOT_COPIED = Stream.concat(
                    PropagatedHeaders.WRITTEN_BY_TRACING.stream(), Stream.of("end-user"))
            .collect(Collectors.toUnmodifiableSet());

    /** Headers copied verbatim, in the shared list's order. */
    public static final List<String> COPIED = PropagatedHeaders.NAMES.stream()
            .filter(name -> !NOT_COPIED.contains(name))
            .toList();

    // Indexes into the captured values, resolved once: the getters run for every backend call.
    private static final int REQUEST_ID = COPIED.indexOf("x-request-id");
    private static final int X_OT_SPAN_CONTEXT = COPIED.indexOf("x-ot-span-context");
    private static final int X_DATADOG_TRACE_ID = COPIED.indexOf("x-datadog-trace-id");
    private static final int X_DATADOG_PARENT_ID = COPIED.indexOf("x-datadog-parent-id");
    private static final int X_DATADOG_SAMPLING_PRIORITY = COPIED.indexOf("x-datadog-sampling-priority");
    private static final int X_CLOUD_TRACE_CONTEXT = COPIED.indexOf("x-cloud-trace-context");
    private static final int GRPC_TRACE_BIN = COPIED.indexOf("grpc-trace-bin");
    private static final int SW8 = COPIED.indexOf("sw8");
    private static final int USER_AGENT = COPIED.indexOf("user-agent");
    private static final int COOKIE = COPIED.indexOf("cookie");
    private static final int AUTHORIZATION = COPIED.indexOf("authorization");
    private static final int JWT = COPIED.indexOf("jwt");

    /** Reads and writes the trace context like Quarkus' OpenTelemetry with {@code propagators=tracecontext,b3multi}. */
    private static final TextMapPropagator TRACE_CONTEXT =
            TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), B3Propagator.injectingMultiHeaders());

    private static final TextMapGetter<MultiMap> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap carrier) {
            return carrier.names();
        }

        @Override
        public String get(MultiMap carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final String[] values;
    private final String endUser;
    private final Map<String, String> traceHeaders;

    private ForwardedHeaders(String[] values, String endUser, Map<String, String> traceHeaders) {
        this.values = values;
        this.endUser = endUser;
        this.traceHeaders = traceHeaders;
    }

    /**
     * Captures the headers to forward from {@code incoming}. A missing {@code x-request-id} is
     * generated, so all calls made for one page share an id that shows up in every log line; the id and
     * the user also tag the current server span ({@link RequestTags}). With {@code tracing} off, the trace headers are
     * written here from the incoming ones; with it on, OpenTelemetry writes them.
     */
    public static ForwardedHeaders capture(MultiMap incoming, Optional<String> user, boolean tracing) {
        String[] values = new String[COPIED.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = join(COPIED.get(i), incoming.getAll(COPIED.get(i)));
        }
        values[COOKIE] = SessionCookies.strip(values[COOKIE]);
        if (values[REQUEST_ID] == null) {
            values[REQUEST_ID] = UUID.randomUUID().toString();
        }
        // The id sent on, generated or not, and the signed-in user (never a client's end-user header) on the span.
        RequestTags.tag(values[REQUEST_ID], user.orElse(null));
        return new ForwardedHeaders(values, user.orElse(null), tracing ? Map.of() : traceHeaders(incoming));
    }

    /** The incoming trace context written anew: nothing without a valid one, as upstream. */
    private static Map<String, String> traceHeaders(MultiMap incoming) {
        Context context = TRACE_CONTEXT.extract(Context.root(), incoming, HEADERS);
        // The B3 propagator writes X-B3-TraceId and friends: looked up by the lower-case names below.
        Map<String, String> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        TRACE_CONTEXT.inject(context, written, Map::put);
        return written;
    }

    private static String join(String name, List<String> all) {
        if (all.isEmpty()) {
            return null;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        // HTTP/2 clients may split cookies over several header fields; HTTP/1.1 wants one line.
        return String.join("cookie".equals(name) ? "; " : ", ", all);
    }

    /** The request id sent downstream (incoming or generated); used in log lines. */
    public String requestId() {
        return values[REQUEST_ID];
    }

    // One getter per forwarded header: the REST client reads them at build time, no reflection.

    @HeaderParam("x-request-id")
    public String getRequestId() {
        return values[REQUEST_ID];
    }

    @HeaderParam("x-ot-span-context")
    public String getOtSpanContext() {
        return values[X_OT_SPAN_CONTEXT];
    }

    @HeaderParam("x-datadog-trace-id")
    public String getDatadogTraceId() {
        return values[X_DATADOG_TRACE_ID];
    }

    @HeaderParam("x-datadog-parent-id")
    public String getDatadogParentId() {
        return values[X_DATADOG_PARENT_ID];
    }

    @HeaderParam("x-datadog-sampling-priority")
    public String getDatadogSamplingPriority() {
        return values[X_DATADOG_SAMPLING_PRIORITY];
    }

    @HeaderParam("x-cloud-trace-context")
    public String getCloudTraceContext() {
        return values[X_CLOUD_TRACE_CONTEXT];
    }

    @HeaderParam("grpc-trace-bin")
    public String getGrpcTraceBin() {
        return values[GRPC_TRACE_BIN];
    }

    @HeaderParam("sw8")
    public String getSw8() {
        return values[SW8];
    }

    @HeaderParam("user-agent")
    public String getUserAgent() {
        return values[USER_AGENT];
    }

    @HeaderParam("cookie")
    public String getCookie() {
        return values[COOKIE];
    }

    @HeaderParam("authorization")
    public String getAuthorization() {
        return values[AUTHORIZATION];
    }

    @HeaderParam("jwt")
    public String getJwt() {
        return values[JWT];
    }

    @HeaderParam("traceparent")
    public String getTraceparent() {
        return traceHeaders.get("traceparent");
    }

    @HeaderParam("tracestate")
    public String getTracestate() {
        return traceHeaders.get("tracestate");
    }

    @HeaderParam("x-b3-traceid")
    public String getB3TraceId() {
        return traceHeaders.get("x-b3-traceid");
    }

    @HeaderParam("x-b3-spanid")
    public String getB3SpanId() {
        return traceHeaders.get("x-b3-spanid");
    }

    @HeaderParam("x-b3-sampled")
    public String getB3Sampled() {
        return traceHeaders.get("x-b3-sampled");
    }

    @HeaderParam("x-b3-flags")
    public String getB3Flags() {
        return traceHeaders.get("x-b3-flags");
    }

    /** The signed-in user's name, or {@code null} (header not sent) when nobody is signed in. */
    @HeaderParam("end-user")
    public String getEndUser() {
        return endUser;
    }
}
