package dev.bookinfo.reviews.client;

import dev.bookinfo.common.PropagatedHeaders;
import dev.bookinfo.common.SessionCookies;
import dev.bookinfo.observability.TracingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Copies the headers listed in docs/upstream.md#header-propagation ({@link PropagatedHeaders#NAMES}) from the incoming
 * request onto the ratings call, verbatim and nothing else: Istio's fault and routing samples match on
 * {@code end-user}, tracing joins spans through the trace headers, and an Auth0 setup needs {@code authorization}. With
 * tracing on, the trace headers themselves ({@code traceparent}, {@code x-b3-*}) are OpenTelemetry's, with reviews'
 * client span as the parent ({@link PropagatedHeaders#WRITTEN_BY_TRACING}); the single {@code b3} header is not on the
 * list and is not forwarded.
 *
 * <p>The {@code Cookie} header goes without productpage's session cookies ({@link SessionCookies}), and not at all
 * when nothing else is left. productpage strips them already; reviews does it again so that they cannot reach
 * ratings from any other caller either.
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
        propagated.putAll(PropagatedHeaders.select(incomingHeaders, tracing));
        List<String> cookies = propagated.remove("cookie");
        if (cookies != null) {
            for (String cookie : cookies) {
                String kept = SessionCookies.strip(cookie);
                if (kept != null) {
                    propagated.add("cookie", kept);
                }
            }
        }
        return propagated;
    }
}
