package dev.bookinfo.productpage.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * productpage's differences from the shared rule (common's PropagatedHeadersFactoryTest): it never copies what it
 * writes itself, and with tracing off it re-encodes the incoming trace context (docs/upstream.md#b3-in-productpage).
 */
class ProductPageHeadersFactoryTest {

    private static MultivaluedMap<String, String> sent(boolean tracingOff, MultivaluedMap<String, String> incoming) {
        return new ProductPageHeadersFactory(tracingOff).update(incoming, new MultivaluedHashMap<>());
    }

    /** Incoming headers from name, value, name, value, ...; a name may come twice. */
    private static MultivaluedMap<String, String> incoming(String... namesAndValues) {
        MultivaluedMap<String, String> incoming = new MultivaluedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            incoming.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return incoming;
    }

    private static String header(MultivaluedMap<String, String> sent, String name) {
        List<String> values = sent.get(name);
        if (values == null) {
            return null;
        }
        assertEquals(1, values.size(), name);
        return values.get(0);
    }

    /** A client's end-user and x-request-id never pass the factory: ForwardedHeaders writes both. */
    @Test
    void copiesTheRestButNotWhatProductpageWrites() {
        MultivaluedMap<String, String> incoming = incoming(
                "End-User", "mallory",
                "x-request-id", "r1",
                "Cookie", "theme=dark; session=signed",
                "sw8", "x",
                "sw8", "y");
        for (boolean tracingOff : new boolean[] {false, true}) {
            assertEquals(Map.of("cookie", List.of("theme=dark"), "sw8", List.of("x, y")), sent(tracingOff, incoming));
        }
    }

    @Test
    void withTracingOffTheIncomingB3ContextGoesOnReencodedWithItsOwnSpanId() {
        MultivaluedMap<String, String> incoming = incoming(
                "X-B3-TraceId", "80f198ee56343ba8",
                "x-b3-spanid", "e457b5a2e4d86bd1",
                "x-b3-parentspanid", "05e3ac9a4f6e3b90",
                "x-b3-sampled", "1");
        MultivaluedMap<String, String> sent = sent(true, incoming);
        assertEquals("000000000000000080f198ee56343ba8", header(sent, "x-b3-traceid"));
        assertEquals("e457b5a2e4d86bd1", header(sent, "x-b3-spanid"));
        assertEquals("1", header(sent, "x-b3-sampled"));
        assertNull(header(sent, "x-b3-flags"));
        assertNull(header(sent, "x-b3-parentspanid"));
        assertEquals("00-000000000000000080f198ee56343ba8-e457b5a2e4d86bd1-01", header(sent, "traceparent"));
    }

    @Test
    void withTracingOffADebugOrUnsampledDecisionIsKept() {
        // The incoming header, its value, and how traceparent's flags end.
        for (String[] decision : new String[][] {{"x-b3-flags", "1", "-01"}, {"x-b3-sampled", "0", "-00"}}) {
            MultivaluedMap<String, String> sent = sent(
                    true,
                    incoming(
                            "x-b3-traceid",
                            "80f198ee56343ba864fe8b2a57d3eff7",
                            "x-b3-spanid",
                            "e457b5a2e4d86bd1",
                            decision[0],
                            decision[1]));
            assertEquals(decision[1], header(sent, decision[0]));
            assertTrue(header(sent, "traceparent").endsWith(decision[2]), header(sent, "traceparent"));
        }
    }

    @Test
    void withTracingOffAW3CContextGoesOnWithItsStateAndInB3() {
        MultivaluedMap<String, String> incoming = incoming(
                "TraceParent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "tracestate", "rojo=00f067aa0ba902b7");
        MultivaluedMap<String, String> sent = sent(true, incoming);
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", header(sent, "traceparent"));
        assertEquals("rojo=00f067aa0ba902b7", header(sent, "tracestate"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", header(sent, "x-b3-traceid"));
        assertEquals("00f067aa0ba902b7", header(sent, "x-b3-spanid"));
    }

    @Test
    void withTracingOffASingleB3HeaderIsReadAndNotForwarded() {
        MultivaluedMap<String, String> incoming = incoming("B3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");
        MultivaluedMap<String, String> sent = sent(true, incoming);
        assertEquals("80f198ee56343ba864fe8b2a57d3eff7", header(sent, "x-b3-traceid"));
        assertNull(header(sent, "b3"));
    }

    @Test
    void withTracingOffNoTraceHeadersWithoutAValidIncomingTrace() {
        MultivaluedMap<String, String> incoming = incoming(
                "traceparent", "garbage",
                "x-b3-sampled", "1");
        assertEquals(Map.of(), sent(true, incoming));
        assertEquals(Map.of(), sent(true, incoming()));
    }

    @Test
    void withTracingOnOpenTelemetryWritesTheTraceHeaders() {
        MultivaluedMap<String, String> incoming = incoming(
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "x-b3-traceid", "80f198ee56343ba864fe8b2a57d3eff7",
                "x-b3-spanid", "e457b5a2e4d86bd1");
        assertEquals(Map.of(), sent(false, incoming));
    }
}
