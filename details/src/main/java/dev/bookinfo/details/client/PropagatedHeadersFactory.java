package dev.bookinfo.details.client;

import dev.bookinfo.common.PropagatedHeaders;
import dev.bookinfo.observability.TracingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Copies the request id, the trace context and the user agent from the incoming request onto the call to Google.
 * Upstream details v2 copied its whole propagation list ({@code samples/bookinfo/src/details/details.rb}), so the
 * user's access token, cookies, {@code jwt} and name went to Google; here they stay in Bookinfo
 * ({@link PropagatedHeaders#USER_HEADERS}). Nothing else is copied.
 */
@ApplicationScoped
public class PropagatedHeadersFactory implements ClientHeadersFactory {

    /** On: OpenTelemetry writes the trace headers; off: they are copied from the incoming request. */
    private final boolean tracing;

    PropagatedHeadersFactory(TracingConfig config) {
        this.tracing = !config.off();
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incomingHeaders, MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> propagated = new MultivaluedHashMap<>();
        propagated.putAll(PropagatedHeaders.selectForThirdParty(incomingHeaders, tracing));
        return propagated;
    }
}
