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
        assertEquals(PropagatedHeaders.NAMES.size(), ForwardedHeaders.COPIED.size() + ForwardedHeaders.NOT_COPIED.size());
    }

    @Test
    void everyCopiedHeaderHasAGetter() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap();
        ForwardedHeaders.COPIED.forEach(name -> incoming.add(name.toUpperCase(), "v-" + name));
        ForwardedHeaders headers = ForwardedHeaders.capture(incoming, Optional.of("jason"));
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
        ForwardedHeaders headers = ForwardedHeaders.capture(MultiMap.caseInsensitiveMultiMap(), Optional.empty());
        assertNull(headers.getCookie());
        assertNull(headers.getEndUser());
        assertTrue(headers.getRequestId().matches("[0-9a-f-]{36}"), headers.getRequestId());
    }

    @Test
    void repeatedHeadersAreJoined() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap()
                .add("cookie", "a=1").add("cookie", "b=2")
                .add("sw8", "x").add("sw8", "y")
                .add("end-user", "mallory");
        ForwardedHeaders headers = ForwardedHeaders.capture(incoming, Optional.empty());
        assertEquals("a=1; b=2", headers.getCookie());
        assertEquals("x, y", headers.getSw8());
        assertNull(headers.getEndUser());
    }
}
