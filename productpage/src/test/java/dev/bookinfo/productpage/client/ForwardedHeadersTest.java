package dev.bookinfo.productpage.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.common.PropagatedHeaders;
import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keeps the forwarded headers in sync with the shared list (docs/upstream.md#header-propagation). */
class ForwardedHeadersTest {

    @Test
    void everySharedHeaderIsEitherCopiedOrHandledElsewhere() {
        Set<String> all = new HashSet<>(ForwardedHeaders.COPIED);
        all.addAll(ForwardedHeaders.NOT_COPIED);
        assertEquals(Set.copyOf(PropagatedHeaders.NAMES), all);
        assertEquals(
                PropagatedHeaders.NAMES.size(), ForwardedHeaders.COPIED.size() + ForwardedHeaders.NOT_COPIED.size());
    }

    @Test
    void everyCopiedHeaderHasAGetter() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.COPIED.forEach(name -> incoming.add(name.toUpperCase(), "v-" + name));
        ForwardedHeaders headers = ForwardedHeaders.capture(incoming, Optional.of("jason"), true);
        assertEquals("v-x-request-id", headers.getRequestId());
        assertEquals("v-x-ot-span-context", headers.getOtSpanContext());
        assertEquals("v-x-datadog-trace-id", headers.getDatadogTraceId());
        assertEquals("v-x-datadog-parent-id", headers.getDatadogParentId());
        assertEquals("v-x-datadog-sampling-priority", headers.getDatadogSamplingPriority());
        assertEquals("v-x-cloud-trace-context", headers.getCloudTraceContext());
        assertEquals("v-grpc-trace-bin", headers.getGrpcTraceBin());
        assertEquals("v-sw8", headers.getSw8());
        assertEquals("v-user-agent", headers.getUserAgent());
        assertEquals("v-cookie", headers.getCookie());
        assertEquals("v-authorization", headers.getAuthorization());
        assertEquals("v-jwt", headers.getJwt());
        assertEquals("jason", headers.getEndUser());
        assertEquals(12, ForwardedHeaders.COPIED.size());
    }

    @Test
    void absentHeadersAreNotSentButARequestIdIsGenerated() {
        ForwardedHeaders headers =
                ForwardedHeaders.capture(MultiMap.caseInsensitiveMultiMap(), Optional.empty(), false);
        assertNull(headers.getCookie());
        assertNull(headers.getEndUser());
        assertNull(headers.getTraceparent(), "no trace headers without an incoming trace, as upstream");
        assertNull(headers.getB3TraceId());
        assertTrue(headers.getRequestId().matches("[0-9a-f-]{36}"), headers.getRequestId());
    }

    @Test
    void repeatedHeadersAreJoined() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap()
                .add("cookie", "a=1")
                .add("cookie", "b=2")
                .add("sw8", "x")
                .add("sw8", "y")
                .add("end-user", "mallory");
        ForwardedHeaders headers = ForwardedHeaders.capture(incoming, Optional.empty(), false);
        assertEquals("a=1; b=2", headers.getCookie());
        assertEquals("x, y", headers.getSw8());
        assertNull(headers.getEndUser());
    }

    @Test
    void withTracingOffTheIncomingB3ContextGoesOnReencodedWithItsOwnSpanId() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap()
                .add("X-B3-TraceId", "80f198ee56343ba8")
                .add("x-b3-spanid", "e457b5a2e4d86bd1")
                .add("x-b3-parentspanid", "05e3ac9a4f6e3b90")
                .add("x-b3-sampled", "1");
        ForwardedHeaders headers = ForwardedHeaders.capture(incoming, Optional.empty(), false);
        assertEquals("000000000000000080f198ee56343ba8", headers.getB3TraceId());
        assertEquals("e457b5a2e4d86bd1", headers.getB3SpanId());
        assertEquals("1", headers.getB3Sampled());
        assertNull(headers.getB3Flags());
        assertEquals("00-000000000000000080f198ee56343ba8-e457b5a2e4d86bd1-01", headers.getTraceparent());
    }

    @Test
    void withTracingOffADebugOrUnsampledDecisionIsKept() {
        ForwardedHeaders debug = ForwardedHeaders.capture(
                MultiMap.caseInsensitiveMultiMap()
                        .add("x-b3-traceid", "80f198ee56343ba864fe8b2a57d3eff7")
                        .add("x-b3-spanid", "e457b5a2e4d86bd1")
                        .add("x-b3-flags", "1"),
                Optional.empty(),
                false);
        assertEquals("1", debug.getB3Flags());
        assertTrue(debug.getTraceparent().endsWith("-01"), debug.getTraceparent());
        ForwardedHeaders unsampled = ForwardedHeaders.capture(
                MultiMap.caseInsensitiveMultiMap()
                        .add("x-b3-traceid", "80f198ee56343ba864fe8b2a57d3eff7")
                        .add("x-b3-spanid", "e457b5a2e4d86bd1")
                        .add("x-b3-sampled", "0"),
                Optional.empty(),
                false);
        assertEquals("0", unsampled.getB3Sampled());
        assertTrue(unsampled.getTraceparent().endsWith("-00"), unsampled.getTraceparent());
    }

    @Test
    void withTracingOffAW3CContextGoesOnWithItsStateAndInB3() {
        ForwardedHeaders headers = ForwardedHeaders.capture(
                MultiMap.caseInsensitiveMultiMap()
                        .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .add("tracestate", "rojo=00f067aa0ba902b7"),
                Optional.empty(),
                false);
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", headers.getTraceparent());
        assertEquals("rojo=00f067aa0ba902b7", headers.getTracestate());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", headers.getB3TraceId());
        assertEquals("00f067aa0ba902b7", headers.getB3SpanId());
    }

    @Test
    void withTracingOnOpenTelemetryWritesTheTraceHeaders() {
        ForwardedHeaders headers = ForwardedHeaders.capture(
                MultiMap.caseInsensitiveMultiMap()
                        .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                Optional.empty(),
                true);
        assertNull(headers.getTraceparent());
        assertNull(headers.getB3TraceId());
    }
}
