package dev.bookinfo.productpage.client;

import dev.bookinfo.common.PropagatedHeadersFactory;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shared rule for calls to another Bookinfo service ({@link PropagatedHeadersFactory}) with productpage's two
 * differences. It never copies {@code end-user} and {@code x-request-id}: productpage writes them itself
 * ({@link ForwardedHeaders}). And with tracing off it writes the W3C and B3 trace headers anew from the incoming trace
 * context, the way upstream's propagator does (docs/upstream.md#b3-in-productpage), with OpenTelemetry's propagators
 * {@code tracecontext,b3multi}: the trace goes on with the span id it arrived with, a single {@code b3} header is read
 * and sent as {@code x-b3-*}, and nothing is sent without a valid incoming context. With tracing on OpenTelemetry
 * writes them, naming productpage's client span as the parent.
 */
@Singleton
public class ProductPageHeadersFactory extends PropagatedHeadersFactory {

    /** Written by {@link ForwardedHeaders}, never copied. */
    static final Set<String> WRITTEN_BY_PRODUCTPAGE = Set.of("end-user", "x-request-id");

    /** Reads and writes the trace context like Quarkus' OpenTelemetry with {@code propagators=tracecontext,b3multi}. */
    private static final TextMapPropagator TRACE_CONTEXT =
            TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), B3Propagator.injectingMultiHeaders());

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @Inject
    public ProductPageHeadersFactory(@ConfigProperty(name = TRACING_OFF) boolean tracingOff) {
        super(tracingOff, WRITTEN_BY_PRODUCTPAGE);
    }

    /** The incoming trace context written anew: nothing without a valid one, as upstream. */
    @Override
    protected Map<String, String> traceHeaders(Map<String, List<String>> incoming) {
        // The propagators look names up in lower case, the request may spell them otherwise; first value wins.
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        incoming.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty()) {
                headers.putIfAbsent(name, values.get(0));
            }
        });
        Context context = TRACE_CONTEXT.extract(Context.root(), headers, HEADERS);
        // The B3 propagator writes X-B3-TraceId and friends: sent under lower-case names like the rest.
        Map<String, String> written = new TreeMap<>();
        TRACE_CONTEXT.inject(
                context, written, (carrier, name, value) -> carrier.put(name.toLowerCase(Locale.ROOT), value));
        return written;
    }
}
