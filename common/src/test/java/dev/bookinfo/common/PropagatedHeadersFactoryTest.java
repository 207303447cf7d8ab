package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;
import org.junit.jupiter.api.Test;

/**
 * What the REST client factories put on an outgoing call, with tracing on and off. The services' own tests observe
 * the real calls (reviews HeaderPropagationTest, details ExternalBookServiceTest, productpage HeaderPropagationTest).
 */
class PropagatedHeadersFactoryTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static MultivaluedMap<String, String> incoming() {
        MultivaluedMap<String, String> incoming = new MultivaluedHashMap<>();
        incoming.add("X-Request-Id", "r1");
        incoming.add("traceparent", TRACEPARENT);
        incoming.add("X-B3-Sampled", "1");
        incoming.add("x-datadog-trace-id", "1234");
        incoming.add("User-Agent", "curl/8.5.0");
        incoming.add("End-User", "jason");
        incoming.add("Cookie", "theme=dark; session=signed");
        incoming.add("cookie", "q_session=enc; lang=en");
        incoming.add("AUTHORIZATION", "Bearer t");
        incoming.add("jwt", "t");
        incoming.add("b3", "80f198ee56343ba8-e457b5a2e4d86bd1-1");
        incoming.add("Host", "reviews:9080");
        return incoming;
    }

    private static MultivaluedMap<String, String> update(ClientHeadersFactory factory) {
        return factory.update(incoming(), new MultivaluedHashMap<>());
    }

    private static Map<String, List<String>> lines(Map<String, String> headers) {
        MultivaluedMap<String, String> lines = new MultivaluedHashMap<>();
        headers.forEach(lines::add);
        return lines;
    }

    private static final Map<String, String> TO_BOOKINFO = Map.of(
            "x-request-id", "r1",
            "x-datadog-trace-id", "1234",
            "user-agent", "curl/8.5.0",
            "end-user", "jason",
            "cookie", "theme=dark; lang=en",
            "authorization", "Bearer t",
            "jwt", "t");

    @Test
    void withTracingOnLeavesTheTraceHeadersToOpenTelemetry() {
        assertEquals(lines(TO_BOOKINFO), update(new PropagatedHeadersFactory(false)));
    }

    @Test
    void withTracingOffCopiesTheTraceHeadersAsTheyCame() {
        Map<String, String> expected = new HashMap<>(TO_BOOKINFO);
        expected.put("traceparent", TRACEPARENT);
        expected.put("x-b3-sampled", "1");
        assertEquals(lines(expected), update(new PropagatedHeadersFactory(true)));
    }

    @Test
    void sendsAThirdPartyNoneOfTheUsersHeadersTracingOnOrOff() {
        Map<String, String> toThirdParty =
                Map.of("x-request-id", "r1", "x-datadog-trace-id", "1234", "user-agent", "curl/8.5.0");
        assertEquals(lines(toThirdParty), update(new ThirdPartyHeadersFactory(false)));

        Map<String, String> tracingOff = new HashMap<>(toThirdParty);
        tracingOff.put("traceparent", TRACEPARENT);
        tracingOff.put("x-b3-sampled", "1");
        MultivaluedMap<String, String> sent = update(new ThirdPartyHeadersFactory(true));
        assertEquals(lines(tracingOff), sent);
        for (String name : PropagatedHeaders.USER_HEADERS) {
            sent.keySet().forEach(sentName -> assertFalse(sentName.equalsIgnoreCase(name), sentName));
        }
    }

    /** How productpage plugs in: its own end-user and x-request-id, its own encoding of the trace headers. */
    @Test
    void aSubclassWritesSomeHeadersItselfAndItsTraceHeadersOnlyWithTracingOff() {
        class OwnTraceHeaders extends PropagatedHeadersFactory {
            OwnTraceHeaders(boolean tracingOff) {
                super(tracingOff, Set.of("end-user", "x-request-id"));
            }

            @Override
            protected Map<String, String> traceHeaders(Map<String, List<String>> incoming) {
                return Map.of("x-b3-traceid", "re-encoded");
            }
        }
        Map<String, String> expected = new HashMap<>(TO_BOOKINFO);
        expected.remove("end-user");
        expected.remove("x-request-id");
        assertEquals(lines(expected), update(new OwnTraceHeaders(false)));
        expected.put("x-b3-traceid", "re-encoded");
        assertEquals(lines(expected), update(new OwnTraceHeaders(true)));
    }
}
