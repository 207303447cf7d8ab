package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which headers go where: the rule every service's outgoing calls follow (PropagatedHeadersFactoryTest). */
class PropagatedHeadersTest {

    @Test
    void listsUpstreamsTwentyHeadersInLowerCase() {
        assertEquals(20, PropagatedHeaders.NAMES.size());
        PropagatedHeaders.NAMES.forEach(name -> assertEquals(name.toLowerCase(), name));
        assertEquals(7, PropagatedHeaders.WRITTEN_BY_TRACING.size());
        assertTrue(PropagatedHeaders.NAMES.containsAll(PropagatedHeaders.WRITTEN_BY_TRACING));
        assertTrue(PropagatedHeaders.NAMES.containsAll(PropagatedHeaders.USER_HEADERS));
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
    void joinsCaseVariantsAndRepeatsIntoOneLowerCaseLineAndDropsUnlistedHeaders() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("X-Request-Id", List.of("r1"));
        incoming.put("x-request-id", List.of("r2"));
        incoming.put("Cookie", List.of("a=1", "b=2"));
        incoming.put("SW8", List.of("x", "y"));
        incoming.put("Host", List.of("productpage:9080"));
        incoming.put("b3", List.of("80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"));

        assertEquals(
                Map.of("x-request-id", "r1, r2", "cookie", "a=1; b=2", "sw8", "x, y"),
                PropagatedHeaders.toBookinfo(incoming, Set.of()));
        assertEquals(Map.of("x-request-id", "r1, r2", "sw8", "x, y"), PropagatedHeaders.toThirdParty(incoming));
    }

    @Test
    void sendsEveryListedHeaderToBookinfoTheTraceHeadersSeparately() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        PropagatedHeaders.NAMES.forEach(name -> incoming.put(name.toUpperCase(Locale.ROOT), List.of("v-" + name)));

        Map<String, String> toBookinfo = PropagatedHeaders.toBookinfo(incoming, Set.of());
        Map<String, String> trace = PropagatedHeaders.traceHeaders(incoming);
        assertEquals(13, toBookinfo.size(), toBookinfo.toString());
        assertEquals(PropagatedHeaders.WRITTEN_BY_TRACING, trace.keySet());
        Set<String> all = new HashSet<>(toBookinfo.keySet());
        all.addAll(trace.keySet());
        assertEquals(Set.copyOf(PropagatedHeaders.NAMES), all);
        toBookinfo.forEach((name, value) -> assertEquals("v-" + name, value));
        trace.forEach((name, value) -> assertEquals("v-" + name, value, "as it came"));
    }

    /** productpage's session and sign-in cookies are credentials for productpage only (SessionCookies). */
    @Test
    void stripsProductpagesSessionCookiesAfterJoiningAndDropsAnEmptyCookieLine() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("Cookie", List.of("theme=dark; session=signed", "q_session=enc; lang=en"));
        incoming.put("cookie", List.of("q_session_at_chunk_1=part"));
        assertEquals(Map.of("cookie", "theme=dark; lang=en"), PropagatedHeaders.toBookinfo(incoming, Set.of()));

        incoming.clear();
        incoming.put("Cookie", List.of("session=signed", "q_session_at=enc"));
        incoming.put("COOKIE", List.of("q_auth_0f5c=state"));
        assertEquals(Map.of(), PropagatedHeaders.toBookinfo(incoming, Set.of()));
    }

    /** productpage writes end-user (the signed-in user) and x-request-id (generated when missing) itself. */
    @Test
    void neverCopiesWhatTheCallerWritesItself() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("End-User", List.of("mallory"));
        incoming.put("X-Request-Id", List.of("r1"));
        incoming.put("jwt", List.of("t"));

        assertEquals(Map.of("jwt", "t"), PropagatedHeaders.toBookinfo(incoming, Set.of("end-user", "x-request-id")));
        assertEquals(
                Map.of("end-user", "mallory", "x-request-id", "r1", "jwt", "t"),
                PropagatedHeaders.toBookinfo(incoming, Set.of()));
    }

    /** The user's identity and credentials, however spelled and however often sent, never leave Bookinfo. */
    @Test
    void leavesTheUserOutOfWhatGoesToAThirdParty() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("X-Request-Id", List.of("r1"));
        incoming.put("User-Agent", List.of("curl/8.5.0"));
        incoming.put("x-datadog-trace-id", List.of("1234"));
        for (String name : PropagatedHeaders.USER_HEADERS) {
            incoming.put(name, List.of("secret-1", "secret-2"));
            incoming.put(name.toUpperCase(Locale.ROOT), List.of("secret-3"));
            incoming.put(Character.toUpperCase(name.charAt(0)) + name.substring(1), List.of("secret-4"));
        }

        Map<String, String> toThirdParty = PropagatedHeaders.toThirdParty(incoming);
        assertEquals(
                Map.of("x-request-id", "r1", "user-agent", "curl/8.5.0", "x-datadog-trace-id", "1234"), toThirdParty);
        assertFalse(toThirdParty.toString().contains("secret"), toThirdParty.toString());
        assertEquals(Map.of(), PropagatedHeaders.traceHeaders(incoming));
        // The same request to a Bookinfo neighbour carries them.
        assertEquals(
                "secret-1, secret-2, secret-3, secret-4",
                PropagatedHeaders.toBookinfo(incoming, Set.of()).get("authorization"));
    }

    @Test
    void copiesTheTraceHeadersAsTheyCame() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put("Traceparent", List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        incoming.put("tracestate", List.of("rojo=00f067aa0ba902b7"));
        incoming.put("X-B3-TraceId", List.of("80f198ee56343ba8"));
        incoming.put("x-b3-parentspanid", List.of("05e3ac9a4f6e3b90"));
        incoming.put("x-ot-span-context", List.of("4bf92f3577b34da6;00f067aa0ba902b7;true"));
        incoming.put("b3", List.of("80f198ee56343ba8-e457b5a2e4d86bd1-1"));

        assertEquals(
                Map.of(
                        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                        "tracestate", "rojo=00f067aa0ba902b7",
                        "x-b3-traceid", "80f198ee56343ba8",
                        "x-b3-parentspanid", "05e3ac9a4f6e3b90"),
                PropagatedHeaders.traceHeaders(incoming));
        assertEquals(
                Map.of("x-ot-span-context", "4bf92f3577b34da6;00f067aa0ba902b7;true"),
                PropagatedHeaders.toBookinfo(incoming, Set.of()));
    }

    @Test
    void skipsMissingNamesAndValues() {
        Map<String, List<String>> incoming = new LinkedHashMap<>();
        incoming.put(null, List.of("x"));
        incoming.put("x-request-id", null);
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add("curl/8.5.0");
        incoming.put("user-agent", withNull);
        incoming.put("jwt", List.of());

        assertEquals(Map.of("user-agent", "curl/8.5.0"), PropagatedHeaders.toBookinfo(incoming, Set.of()));
    }
}
