package dev.bookinfo.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Clients that hold connections without finishing a request, with the shipped limits (common's
 * {@code microprofile-config.properties}: idle timeout 75 s, at most 4096 connections per service). Vert.x has no
 * timeout for reading request headers: a client trickling a header byte at a time keeps its connection as long as it
 * keeps trickling. What keeps such clients from starving others is that a held connection costs no thread (the event
 * loop serves everyone), the connection cap, and the idle timeout for connections that go silent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlowClientsIT {

    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(75);
    static final int MAX_CONNECTIONS = 4096;
    static final int IDLE = 2000;
    static final int SLOW = 200;

    private static Services services;
    private static final List<Socket> idle = new ArrayList<>();
    private static long idleSince;

    @BeforeAll
    static void start() throws IOException {
        services = new Services(Map.of());
        // Opened first, so that the idle-timeout test can run after the others without waiting from scratch.
        for (int i = 0; i < 20; i++) {
            idle.add(connect(services.port("details")));
        }
        idleSince = System.nanoTime();
    }

    @AfterAll
    static void stop() {
        idle.forEach(SlowClientsIT::closeQuietly);
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void pageStaysQuickWhileThousandsOfIdleAndSlowClientsHoldConnections() throws Exception {
        List<Socket> held = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        // The first page of a fresh JVM loads and compiles the page's code (seconds on a busy machine): not what
        // this measures, so it is fetched before the clients arrive.
        Pages.assertWhole(services.get(services.url("productpage") + "/productpage", Duration.ofSeconds(30)));
        try {
            for (int i = 0; i < IDLE; i++) {
                held.add(connect(services.port(i % 4 == 0 ? "details" : "productpage")));
            }
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < SLOW; i++) {
                Socket socket = connect(services.port(i % 2 == 0 ? "productpage" : "reviews"));
                socket.getOutputStream()
                        .write("GET /productpage HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            held.addAll(slow);
            // One more header byte per slow client every 500 ms: never idle, never done.
            trickle.scheduleAtFixedRate(
                    () -> {
                        for (Socket socket : slow) {
                            try {
                                socket.getOutputStream().write('x');
                            } catch (IOException closed) {
                                // the server may close it; nothing to do
                            }
                        }
                    },
                    0,
                    500,
                    TimeUnit.MILLISECONDS);
            Services.pause(Duration.ofSeconds(2));

            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                long begin = System.nanoTime();
                Pages.assertWhole(services.get(services.url("productpage") + "/productpage", Duration.ofSeconds(10)));
                slowest = Math.max(slowest, (System.nanoTime() - begin) / 1_000_000);
            }
            System.out.println("SlowClientsIT: " + IDLE + " idle and " + SLOW + " slow connections held; slowest of "
                    + "20 pages " + slowest + " ms");
            assertTrue(slowest < 3000, "a page took " + slowest + " ms while slow clients held connections");
            int open = 0;
            for (Socket socket : slow) {
                open += isOpen(socket) ? 1 : 0;
            }
            assertEquals(SLOW, open, "a trickling client keeps its connection (there is no header timeout)");
        } finally {
            trickle.shutdownNow();
            held.forEach(SlowClientsIT::closeQuietly);
        }
        assertTrue(services.errorLines().isEmpty(), String.join("\n", services.errorLines()));
    }

    @Test
    @Order(2)
    void connectionsOverTheCapAreClosedAndTheServiceRecovers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                held.add(connect(services.port("ratings")));
            }
            for (int i = 0; i < 20; i++) {
                held.add(connect(services.port("ratings")));
            }
            Services.pause(Duration.ofSeconds(2));
            long open = held.stream().filter(socket -> isOpen(socket, 1)).count();
            assertTrue(open <= MAX_CONNECTIONS, open + " connections open, more than " + MAX_CONNECTIONS);
            assertTrue(
                    open >= MAX_CONNECTIONS - 20,
                    "only " + open + " connections open: the cap is lower than " + MAX_CONNECTIONS);
        } finally {
            held.forEach(SlowClientsIT::closeQuietly);
        }
        Services.pause(Duration.ofSeconds(1));
        assertEquals(
                200,
                services.get(services.url("ratings") + "/ratings/0", Duration.ofSeconds(10))
                        .statusCode());
        assertTrue(services.errorLines().isEmpty(), String.join("\n", services.errorLines()));
    }

    @Test
    @Order(3)
    void idleConnectionsAreClosedAfterTheIdleTimeoutAndNotBefore() {
        // Clients' keep-alive pools (Vert.x: 60 s) must be able to keep theirs: still open at 65 s.
        waitUntil(idleSince + Duration.ofSeconds(65).toNanos());
        long open = idle.stream().filter(SlowClientsIT::isOpen).count();
        assertEquals(idle.size(), open, "idle connections closed before " + IDLE_TIMEOUT.toSeconds() + " s");
        waitUntil(idleSince + IDLE_TIMEOUT.plusSeconds(10).toNanos());
        long stillOpen = idle.stream().filter(SlowClientsIT::isOpen).count();
        assertEquals(
                0,
                stillOpen,
                "idle connections still open " + IDLE_TIMEOUT.plusSeconds(10).toSeconds() + " s");
    }

    private static void waitUntil(long nanoTime) {
        long left = (nanoTime - System.nanoTime()) / 1_000_000;
        if (left > 0) {
            Services.pause(Duration.ofMillis(left));
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", port), 5000);
        return socket;
    }

    /** Whether the server still holds the connection: a read that times out, rather than end of stream or reset. */
    private static boolean isOpen(Socket socket) {
        return isOpen(socket, 20);
    }

    private static boolean isOpen(Socket socket, int waitMillis) {
        try {
            socket.setSoTimeout(waitMillis);
            InputStream in = socket.getInputStream();
            return in.read() >= 0;
        } catch (SocketTimeoutException stillOpen) {
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
