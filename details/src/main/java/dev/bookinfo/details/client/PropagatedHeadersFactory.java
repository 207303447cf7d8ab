package dev.bookinfo.details.client;

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
        propagated.putAll(PropagatedHeaders.select(incomingHeaders));
        return propagated;
    }
}
