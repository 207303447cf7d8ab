package dev.bookinfo.details.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The one-line messages for failures of the Google Books call that a WireMock test cannot produce reliably
 * (DNS, connect timeouts); refused connections and read timeouts are also covered end to end.
 */
class ExternalBookServiceFailuresTest {

    static String describe(Throwable failure) {
        return ExternalBookService.describe(failure, "www.googleapis.com", Duration.ofSeconds(5))
                .getMessage();
    }

    @Test
    void unknownHostNamesTheHost() {
        assertEquals(
                "Google Books request failed: unknown host www.googleapis.com",
                describe(new ProcessingException(new UnknownHostException("Failed to resolve 'www.googleapis.com'"))));
    }

    @Test
    void refusedConnectionDropsTheAddress() {
        assertEquals(
                "Google Books request failed: connection refused",
                describe(new ProcessingException(new ConnectException("Connection refused: localhost/127.0.0.1:1"))));
    }

    @Test
    void connectTimeoutIsNotCalledRefused() {
        assertEquals(
                "Google Books request failed: connection timed out after 5000 ms",
                describe(new ProcessingException(new ConnectTimeoutException(
                        "connection timed out after 5000 ms: www.googleapis.com/142.250.185.74:443"))));
    }

    @Test
    void readTimeoutNamesTheConfiguredTimeout() {
        assertEquals(
                "Google Books request failed: no answer within 5000 ms",
                describe(new ProcessingException(new NoStackTraceTimeoutException(
                        "The timeout period of 5000ms has been exceeded while executing GET /books/v1/volumes"))));
    }

    @Test
    void anythingElseKeepsTheFirstClauseOfTheRootCause() {
        assertEquals(
                "Google Books request failed: connection reset",
                describe(new ProcessingException(new RuntimeException(new IOException("Connection reset")))));
        assertEquals("Google Books request failed: IllegalStateException", describe(new IllegalStateException()));
    }

    @Test
    void aLookupFailureIsKeptAsItIs() {
        BookLookupException known = new BookLookupException("Google Books answered 503");
        assertSame(known, ExternalBookService.describe(known, "www.googleapis.com", Duration.ofSeconds(5)));
    }
}
