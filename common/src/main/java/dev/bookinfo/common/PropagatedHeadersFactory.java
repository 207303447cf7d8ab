package dev.bookinfo.common;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Sets the headers of every call to another Bookinfo service from the request being served
 * ({@link PropagatedHeaders#toBookinfo}): register it on a REST client with
 * {@code @RegisterClientHeaders(PropagatedHeadersFactory.class)}. reviews uses it as it is; productpage through a
 * subclass that names the headers it writes itself and encodes the trace headers its own way.
 *
 * <p>The trace headers ({@link PropagatedHeaders#WRITTEN_BY_TRACING}) follow {@value #TRACING_OFF}: with tracing on,
 * OpenTelemetry writes them on every call and nothing here touches them; with tracing off they are copied
 * ({@link #traceHeaders}).
 */
@Singleton
public class PropagatedHeadersFactory implements ClientHeadersFactory {

    /** Whether OpenTelemetry is off; supplied by the observability module's {@code TracingSwitch}. */
    public static final String TRACING_OFF = "bookinfo.tracing.off";

    private final boolean tracingOff;
    private final Set<String> setByCaller;

    @Inject
    public PropagatedHeadersFactory(@ConfigProperty(name = TRACING_OFF) boolean tracingOff) {
        this(tracingOff, Set.of());
    }

    /** For a service that writes {@code setByCaller} (lower-case names) itself: those are never copied. */
    protected PropagatedHeadersFactory(boolean tracingOff, Set<String> setByCaller) {
        this.tracingOff = tracingOff;
        this.setByCaller = Set.copyOf(setByCaller);
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incomingHeaders, MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> outgoing = new MultivaluedHashMap<>();
        PropagatedHeaders.toBookinfo(incomingHeaders, setByCaller).forEach(outgoing::putSingle);
        if (tracingOff) {
            traceHeaders(incomingHeaders).forEach(outgoing::putSingle);
        }
        return outgoing;
    }

    /**
     * The trace headers to send when tracing is off, lower-case names: here those of the incoming request as they
     * came ({@link PropagatedHeaders#traceHeaders}), as upstream's reviews does.
     */
    protected Map<String, String> traceHeaders(Map<String, List<String>> incoming) {
        return PropagatedHeaders.traceHeaders(incoming);
    }
}
