package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropagatedHeadersTest {

    @Test
    void listsTheTwentyHeadersOfTheContractInLowerCase() {
        assertEquals(20, PropagatedHeaders.NAMES.size());
        PropagatedHeaders.NAMES.forEach(name -> assertEquals(name.toLowerCase(), name));
    }

    @Test
    void comparesNamesWithoutRegardToCase() {
        assertTrue(PropagatedHeaders.isPropagated("X-Request-ID"));
        assertTrue(PropagatedHeaders.isPropagated("Authorization"));
        assertFalse(PropagatedHeaders.isPropagated("b3"));
        assertFalse(PropagatedHeaders.isPropagated("host"));
        assertFalse(PropagatedHeaders.isPropagated(null));
    }

    @Test
    void selectsOnlyListedHeadersUnderLowerCaseNamesMergingCaseVariants() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("X-Request-Id", List.of("r1"));
        incoming.put("x-request-id", List.of("r2"));
        incoming.put("Cookie", List.of("a=1", "b=2"));
        incoming.put("Host", List.of("productpage:9080"));
        incoming.put("b3", List.of("80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"));

        for (boolean tracing : new boolean[] {false, true}) {
            assertEquals(
                    Map.of("x-request-id", List.of("r1", "r2"), "cookie", List.of("a=1", "b=2")),
                    PropagatedHeaders.select(incoming, tracing));
        }
    }

    @Test
    void leavesTheUserOutOfWhatGoesToAThirdParty() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("X-Request-Id", List.of("r1"));
        incoming.put("traceparent", List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        incoming.put("User-Agent", List.of("curl/8.5.0"));
        incoming.put("End-User", List.of("jason"));
        incoming.put("Cookie", List.of("session=s"));
        incoming.put("AUTHORIZATION", List.of("Bearer t"));
        incoming.put("jwt", List.of("t"));

        // With tracing on, traceparent is not copied: OpenTelemetry writes it (leavesTheTraceHeadersToOpenTelemetry).
        assertEquals(
                Map.of("x-request-id", List.of("r1"), "user-agent", List.of("curl/8.5.0")),
                PropagatedHeaders.selectForThirdParty(incoming, true));
        assertEquals(
                Map.of(
                        "x-request-id",
                        List.of("r1"),
                        "traceparent",
                        List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                        "user-agent",
                        List.of("curl/8.5.0")),
                PropagatedHeaders.selectForThirdParty(incoming, false));
    }

    @Test
    void leavesTheTraceHeadersToOpenTelemetryWhenTracingIsOnAndCopiesThemWhenOff() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("Traceparent", List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        incoming.put("tracestate", List.of("rojo=00f067aa0ba902b7"));
        incoming.put("X-B3-TraceId", List.of("80f198ee56343ba8"));
        incoming.put("x-b3-spanid", List.of("e457b5a2e4d86bd1"));
        incoming.put("x-b3-parentspanid", List.of("05e3ac9a4f6e3b90"));
        incoming.put("x-b3-sampled", List.of("1"));
        incoming.put("x-b3-flags", List.of("1"));
        incoming.put("x-ot-span-context", List.of("4bf92f3577b34da6;00f067aa0ba902b7;true"));

        assertEquals(
                Map.of("x-ot-span-context", List.of("4bf92f3577b34da6;00f067aa0ba902b7;true")),
                PropagatedHeaders.select(incoming, true));
        Map<String, List<String>> copied = PropagatedHeaders.select(incoming, false);
        assertEquals(8, copied.size(), copied.toString());
        assertEquals(List.of("80f198ee56343ba8"), copied.get("x-b3-traceid"));
        assertEquals(List.of("05e3ac9a4f6e3b90"), copied.get("x-b3-parentspanid"));
        assertEquals(List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), copied.get("traceparent"));
        assertEquals(7, PropagatedHeaders.WRITTEN_BY_TRACING.size());
        assertTrue(PropagatedHeaders.NAMES.containsAll(PropagatedHeaders.WRITTEN_BY_TRACING));
    }
}
