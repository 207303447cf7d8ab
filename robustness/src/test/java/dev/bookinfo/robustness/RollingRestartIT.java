package dev.bookinfo.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.robustness.Pages.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Graceful shutdown and restart with the shipped settings (common's {@code microprofile-config.properties}), and a
 * shutdown delay of {@value #DELAY_SECONDS} s: on SIGTERM a service reports not ready while it keeps serving, then
 * closes each connection after its answer, finishes the requests in flight and exits. The page,
 * loaded continuously while each backend is restarted in turn, always answers 200: whole, or with upstream's error
 * block for the backend that is away, and whole again within {@link #RECOVERY} of the backend being ready.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RollingRestartIT {

    static final int DELAY_SECONDS = 1;
    static final Duration RECOVERY = Duration.ofSeconds(5);
    /** Longest a stopping service may take: the delay, the 10 s shutdown timeout, and a loaded machine's slack. */
    static final Duration EXIT = Duration.ofSeconds(DELAY_SECONDS + 10 + 15);

    private static Services services;

    /** One page fetched by the load: when it started and ended (ms since the test began) and what it was. */
    record Fetch(long start, long end, int status, Kind kind, String failure) {}

    @BeforeAll
    static void start() {
        // productpage waits up to 10 s for details instead of 3 s, so that a page can stay in flight across the
        // shutdown delay on a loaded machine.
        services = new Services(Map.of(
                "QUARKUS_SHUTDOWN_DELAY", DELAY_SECONDS + "s", "QUARKUS_REST_CLIENT_DETAILS_READ_TIMEOUT", "10000"));
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void pageSurvivesEachBackendRestartingInTurn() throws Exception {
        long begin = System.nanoTime();
        List<Fetch> fetches = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> loaders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loaders.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                while (running.get()) {
                    fetches.add(fetch(begin));
                }
            }));
        }
        Map<String, Kind> away =
                Map.of("ratings", Kind.NO_RATINGS, "details", Kind.NO_DETAILS, "reviews", Kind.NO_REVIEWS);
        List<String> problems = new ArrayList<>();
        try {
            Services.pause(Duration.ofSeconds(2));
            for (String backend : List.of("ratings", "details", "reviews")) {
                long stopAt = millis(begin);
                boolean notReadyFirst = stopGracefully(backend);
                if (!notReadyFirst) {
                    problems.add(backend + ": /q/health/ready never reported 503 between SIGTERM and exit");
                }
                Services.pause(Duration.ofSeconds(2));
                services.start(backend);
                services.awaitReady(backend, Services.START);
                long readyAt = millis(begin);
                Services.pause(RECOVERY.plusSeconds(3));
                long doneAt = millis(begin);
                synchronized (fetches) {
                    for (Fetch fetch : fetches) {
                        if (fetch.start() < stopAt || fetch.start() > doneAt) {
                            continue;
                        }
                        boolean recovered = fetch.start() > readyAt + RECOVERY.toMillis();
                        boolean allowed = fetch.status() == 200
                                && (fetch.kind() == Kind.WHOLE || !recovered && fetch.kind() == away.get(backend));
                        if (!allowed) {
                            problems.add(backend + " restart: " + fetch);
                        }
                    }
                }
            }
        } finally {
            running.set(false);
            for (Thread loader : loaders) {
                loader.join(30_000);
            }
        }
        long degraded =
                fetches.stream().filter(fetch -> fetch.kind() != Kind.WHOLE).count();
        System.out.println("RollingRestartIT: " + fetches.size() + " pages during three backend restarts, " + degraded
                + " with an error block, " + problems.size() + " wrong");
        assertTrue(
                problems.isEmpty(),
                "pages lost or wrong:\n" + String.join("\n", problems.subList(0, Math.min(30, problems.size()))));
        assertTrue(degraded > 0, "no page showed an error block: were the backends really stopped?");
        assertTrue(services.errorLines().isEmpty(), String.join("\n", services.errorLines()));
    }

    @Test
    @Order(2)
    void stoppingServiceFinishesRequestsInFlightAndClosesConnections() throws Exception {
        long pid = services.process("details").pid();
        Process productpage = services.process("productpage");
        signal(pid, "STOP"); // productpage's details call now waits (here up to 10 s)
        CompletableFuture<HttpResponse<String>> inFlight;
        String drained = null;
        try {
            long begin = System.nanoTime();
            inFlight = services.http.sendAsync(
                    HttpRequest.newBuilder(URI.create(services.url("productpage") + "/productpage"))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Services.pause(Duration.ofMillis(200));
            productpage.destroy(); // SIGTERM
            // Once the delay is over, Quarkus still answers what reaches it but closes each connection after the
            // answer, so that clients and proxies go elsewhere. Probed on /health, which calls no backend.
            while (millis(begin) < 6000 && drained == null) {
                String head = headOfKeepAliveRequest(services.port("productpage"), "/health");
                if (head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
                    drained = head;
                }
                Services.pause(Duration.ofMillis(50));
            }
        } finally {
            signal(pid, "CONT");
        }
        HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
        Pages.assertWhole(response);
        assertTrue(drained != null, "a stopping productpage kept its connections open while a page was in flight");
        assertTrue(drained.startsWith("HTTP/1.1 200 "), "a request that still reaches it is answered: " + drained);
        assertTrue(productpage.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS), "productpage did not exit");
        services.start("productpage");
        services.awaitReady("productpage", Services.START);
        Pages.assertWhole(services.get(services.url("productpage") + "/productpage", Duration.ofSeconds(10)));
        assertTrue(services.errorLines().isEmpty(), String.join("\n", services.errorLines()));
    }

    /** The status line and headers of a keep-alive GET over a raw socket, or "" when there is no answer. */
    private static String headOfKeepAliveRequest(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            socket.setSoTimeout(1000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            InputStream in = socket.getInputStream();
            int c;
            while (head.indexOf("\r\n\r\n") < 0 && (c = in.read()) >= 0) {
                head.append((char) c);
            }
            return head.toString();
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM; true when readiness was seen DOWN (503) while the process still ran. */
    private static boolean stopGracefully(String name) throws InterruptedException {
        Process process = services.process(name);
        process.destroy();
        boolean notReady = false;
        long deadline = System.nanoTime() + EXIT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            notReady |= services.status(services.url(name) + "/q/health/ready") == 503;
            Thread.sleep(50);
        }
        assertTrue(process.waitFor(1, TimeUnit.SECONDS), name + " did not exit within " + EXIT.toSeconds() + " s");
        return notReady;
    }

    private static Fetch fetch(long begin) {
        long start = millis(begin);
        try {
            HttpResponse<String> response =
                    services.get(services.url("productpage") + "/productpage", Duration.ofSeconds(15));
            return new Fetch(start, millis(begin), response.statusCode(), Pages.kind(response.body()), null);
        } catch (IOException e) {
            return new Fetch(start, millis(begin), -1, Kind.OTHER, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fetch(start, millis(begin), -1, Kind.OTHER, e.toString());
        }
    }

    private static long millis(long begin) {
        return (System.nanoTime() - begin) / 1_000_000;
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
