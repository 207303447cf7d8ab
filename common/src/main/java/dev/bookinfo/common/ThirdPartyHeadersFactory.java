package dev.bookinfo.common;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Sets the headers of a call that leaves Bookinfo, details v2's call to Google Books: the request id, the user agent
 * and the tracers' headers of the request being served ({@link PropagatedHeaders#toThirdParty}), the trace headers
 * as for a Bookinfo neighbour ({@link PropagatedHeadersFactory}). Upstream details v2 copied its whole list
 * ({@code samples/bookinfo/src/details/details.rb}), so the user's access token, cookies, {@code jwt} and name went
 * to Google; here they stay in Bookinfo.
 */
@Singleton
public class ThirdPartyHeadersFactory implements ClientHeadersFactory {

    private final boolean tracingOff;

    @Inject
    public ThirdPartyHeadersFactory(@ConfigProperty(name = PropagatedHeadersFactory.TRACING_OFF) boolean tracingOff) {
        this.tracingOff = tracingOff;
    }

    @Override
    public MultivaluedMap<String, String> update(
            MultivaluedMap<String, String> incomingHeaders, MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> outgoing = new MultivaluedHashMap<>();
        PropagatedHeaders.toThirdParty(incomingHeaders).forEach(outgoing::putSingle);
        if (tracingOff) {
            PropagatedHeaders.traceHeaders(incomingHeaders).forEach(outgoing::putSingle);
        }
        return outgoing;
    }
}
