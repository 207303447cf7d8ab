package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Without any setting, a backend that does not take the connection within upstream's 3 s
 * (docs/upstream.md#timeouts-and-the-reviews-retry) is a failed call (500), and reviews, asked twice, fails after 6 s.
 * The backends here are one listener whose accept queue is full: the kernel leaves every further connection attempt
 * unanswered, as a host behind a firewall that drops packets does. {@link TimeoutDefaultsTest} covers a backend that
 * accepts the connection but does not answer.
 */
@QuarkusTest
@WithTestResource(ConnectTimeoutDefaultsTest.FullAcceptQueue.class)
class ConnectTimeoutDefaultsTest {

    static final int TIMEOUT_MILLIS = 3_000;

    /** A listener that never accepts, with its queue filled by connections of its own. */
    public static class FullAcceptQueue implements QuarkusTestResourceLifecycleManager {

        private ServerSocket listener;
        private final List<Socket> queued = new ArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                InetSocketAddress address =
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                for (int attempt = 0; attempt < 10; attempt++) {
                    Socket socket = new Socket();
                    try {
                        socket.connect(address, 1000);
                        queued.add(socket);
                    } catch (SocketTimeoutException full) {
                        socket.close();
                        String url = "http://127.0.0.1:" + listener.getLocalPort();
                        return Map.of(
                                "quarkus.rest-client.details.url", url,
                                "quarkus.rest-client.reviews.url", url,
                                "quarkus.rest-client.ratings.url", url);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("the accept queue never filled up");
        }

        @Override
        public void stop() {
            try {
                for (Socket socket : queued) {
                    socket.close();
                }
                listener.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean warm;

    /**
     * The first call through each client also sets the client up, which can take seconds on a busy machine: one call
     * each, untimed and whatever its answer, before the first measured one.
     */
    @BeforeEach
    void warmUp() {
        if (!warm) {
            for (String api :
                    List.of("/api/v1/products/0", "/api/v1/products/0/reviews", "/api/v1/products/0/ratings")) {
                given().when().get(api);
            }
            warm = true;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/products/0, 1", "/api/v1/products/0/reviews, 2", "/api/v1/products/0/ratings, 1"})
    void aBackendThatDoesNotTakeTheConnectionInThreeSecondsIsAFailedCall(String api, int attempts) {
        long start = System.nanoTime();
        given().when().get(api).then().statusCode(500);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long expected = (long) attempts * TIMEOUT_MILLIS;
        assertTrue(
                millis >= expected - 100 && millis < expected + 5_000,
                () -> "answered after " + millis + " ms, expected about " + expected + " ms");
    }
}
