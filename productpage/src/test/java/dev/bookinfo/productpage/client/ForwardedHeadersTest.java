package dev.bookinfo.productpage.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What productpage writes itself (end-user, x-request-id); ProductPageHeadersFactoryTest covers what its header
 * factory copies, HeaderPropagationTest the calls that result.
 */
class ForwardedHeadersTest {

    @Test
    void theUserComesFromTheSessionAndTheRequestIdFromTheRequest() {
        MultiMap incoming =
                MultiMap.caseInsensitiveMultiMap().add("X-Request-Id", "r1").add("End-User", "mallory");
        ForwardedHeaders headers = ForwardedHeaders.capture(incoming, Optional.of("jason"));
        assertEquals("r1", headers.getRequestId());
        assertEquals("r1", headers.requestId());
        assertEquals("jason", headers.getEndUser());
    }

    @Test
    void anonymousVisitorsSendNoUserButARequestIdIsGenerated() {
        MultiMap incoming = MultiMap.caseInsensitiveMultiMap().add("end-user", "mallory");
        ForwardedHeaders headers = ForwardedHeaders.capture(incoming, Optional.empty());
        assertNull(headers.getEndUser());
        assertTrue(headers.getRequestId().matches("[0-9a-f-]{36}"), headers.getRequestId());
    }

    @Test
    void aRepeatedRequestIdIsJoinedLikeEveryOtherHeader() {
        MultiMap incoming =
                MultiMap.caseInsensitiveMultiMap().add("x-request-id", "r1").add("X-REQUEST-ID", "r2");
        assertEquals(
                "r1, r2", ForwardedHeaders.capture(incoming, Optional.empty()).getRequestId());
    }
}
