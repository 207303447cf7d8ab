package dev.bookinfo.details.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import dev.bookinfo.common.PropagatedHeaders;

/**
 * Copies the tracing, user and credential headers of contract 2.2 from the incoming request onto the call to
 * Google, as upstream details v2 does (including {@code authorization} and {@code cookie}). Nothing else is
 * copied.
 */
@ApplicationScoped
public class PropagatedHeadersFactory implements ClientHeadersFactory {

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
            MultivaluedMap<String, String> clientOutgoingHeaders) {
        MultivaluedMap<String, String> propagated = new MultivaluedHashMap<>();
        for (Map.Entry<String, List<String>> header : incomingHeaders.entrySet()) {
            if (PropagatedHeaders.isPropagated(header.getKey())) {
                propagated.addAll(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
            }
        }
        return propagated;
    }
}
