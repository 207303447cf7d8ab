package dev.bookinfo.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bookinfo.robustness.HostileCorpus.Hostile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A seeded corpus of hostile requests ({@link HostileCorpus}) against each of the four packaged services, over raw
 * sockets: no 5xx, no connection left without an answer or a close for more than {@link #READ_TIMEOUT}, the services
 * ready and their pages whole again afterwards, their request meters bounded, and nothing in their logs above WARN, no stack trace, at most one WARN line per
 * request. {@code -Drobustness.seed=N} replays a run (each run prints its seed); {@code -Drobustness.requests=N}
 * changes the number of requests per service (default 1000).
 */
class HostileRequestsIT {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final int PAGE_TRIES = 5;
    /** The method values a request series may have. */
    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "_OTHER");
    /** productpage's routes and Quarkus' fixed uri values are about 25. */
    static final int MAX_URIS = 40;
    /** The methods times the uri values times the statuses a service answers with are in the hundreds at most. */
    static final int MAX_REQUEST_SERIES = 600;

    private static final Pattern METHOD_LABEL = Pattern.compile("[{,]method=\"([^\"]*)\"");
    private static final Pattern URI_LABEL = Pattern.compile("[{,]uri=\"([^\"]*)\"");
    private static final Pattern STATUS = Pattern.compile("(?m)^HTTP/\\d\\.\\d (\\d{3})");

    private static Services services;

    @BeforeAll
    static void start() {
        services = new Services(Map.of());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void hostileRequestsGetNo5xxNoHangAndNoErrorLog() throws Exception {
        long seed = seed();
        int count = Integer.getInteger("robustness.requests", 1000);
        System.out.println("HostileRequestsIT: seed " + seed + " (replay with -Drobustness.seed=" + seed + "), " + count
                + " requests per service");
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Services.NAMES.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String service : Services.NAMES) {
                List<Hostile> corpus = new HostileCorpus(service, seed).generate(count);
                runs.add(pool.submit(() -> {
                    for (Hostile hostile : corpus) {
                        String problem = check(services.port(service), hostile);
                        if (problem != null) {
                            problems.add(service + " " + hostile.describe() + "\n    -> " + problem);
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " hostile requests (seed " + seed + ") were answered badly; the first ones:\n"
                    + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
        }

        for (String service : Services.NAMES) {
            assertEquals(200, services.status(services.url(service) + "/q/health/ready"), service + " is not ready");
        }
        assertPagesWholeAgain();
        assertRequestSeriesBounded();

        List<String> errors = services.errorLines();
        assertTrue(errors.isEmpty(), "ERROR lines in the logs (seed " + seed + "):\n" + String.join("\n", errors));
        for (String service : Services.NAMES) {
            List<String> lines = services.lines(service);
            List<String> traces = lines.stream()
                    .filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"))
                    .toList();
            assertTrue(
                    traces.isEmpty(),
                    service + " logged a stack trace (seed " + seed + "):\n"
                            + String.join("\n", traces.subList(0, Math.min(10, traces.size()))));
            long warnings = lines.stream()
                    .filter(line -> line.matches("^\\S+ \\S+ WARN .*"))
                    .count();
            assertTrue(warnings <= count, service + " logged " + warnings + " WARN lines for " + count + " requests");
        }
    }

    /**
     * The corpus's made-up methods and paths are not recorded as sent (observability's ServerMeters): each service's
     * request series have one of the nine standard methods or {@code _OTHER}, at most {@link #MAX_URIS} uri values
     * (its routes and Quarkus' fixed values), and so at most {@link #MAX_REQUEST_SERIES} series in all; its metrics
     * endpoint still answers.
     */
    private static void assertRequestSeriesBounded() throws IOException, InterruptedException {
        for (String service : Services.NAMES) {
            // productpage serves its metrics at upstream's path too; the others only at Quarkus'.
            String url = services.url(service) + ("productpage".equals(service) ? "/metrics" : "/q/metrics");
            HttpResponse<String> metrics = services.get(url, Duration.ofSeconds(10));
            assertEquals(200, metrics.statusCode(), url);
            List<String> series = metrics.body()
                    .lines()
                    .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                    .toList();
            Set<String> methods = new TreeSet<>();
            Set<String> uris = new TreeSet<>();
            for (String line : series) {
                Matcher method = METHOD_LABEL.matcher(line);
                Matcher uri = URI_LABEL.matcher(line);
                methods.add(method.find() ? method.group(1) : "(none)");
                uris.add(uri.find() ? uri.group(1) : "(none)");
            }
            System.out.println("HostileRequestsIT: " + service + " has " + series.size() + " request series, methods "
                    + methods + ", " + uris.size() + " uri values " + uris);
            String problem = service + "'s request series:\n" + String.join("\n", series);
            assertTrue(METHODS.containsAll(methods), "methods " + methods + "; " + problem);
            assertTrue(uris.size() <= MAX_URIS, uris.size() + " uri values; " + problem);
            assertTrue(series.size() <= MAX_REQUEST_SERIES, series.size() + " series; " + problem);
        }
    }

    /**
     * The services are broken if their pages stay broken: up to {@link #PAGE_TRIES} pages, one a second, must end in a
     * whole one. A page that is not whole is reported on the console with the backends' own account of the failure
     * (their "unavailable" warnings), so that a one-off failure stays visible; if none is whole the test fails with it.
     */
    private static void assertPagesWholeAgain() throws IOException, InterruptedException {
        List<String> notWhole = new ArrayList<>();
        for (int attempt = 1; attempt <= PAGE_TRIES; attempt++) {
            HttpResponse<String> page =
                    services.get(services.url("productpage") + "/productpage", Duration.ofSeconds(10));
            Pages.Kind kind = page.statusCode() == 200 ? Pages.kind(page.body()) : Pages.Kind.OTHER;
            if (kind == Pages.Kind.WHOLE) {
                if (!notWhole.isEmpty()) {
                    System.out.println("HostileRequestsIT: page " + attempt + " after the corpus was whole, the ones"
                            + " before were not: " + notWhole + "; the backends said:\n" + unavailableLines());
                }
                return;
            }
            notWhole.add(page.statusCode() + " " + kind);
            Services.pause(Duration.ofSeconds(1));
        }
        fail("no page was whole after the corpus (" + notWhole + "); the backends said:\n" + unavailableLines());
    }

    /** productpage's and reviews' warnings about a backend they could not use. */
    private static String unavailableLines() {
        List<String> lines = new ArrayList<>();
        for (String service : List.of("productpage", "reviews")) {
            services.lines(service).stream()
                    .filter(line -> line.contains("unavailable") || line.contains("attempt 1 failed"))
                    .forEach(line -> lines.add(service + ": " + line));
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }

    private static long seed() {
        String given = System.getProperty("robustness.seed", "");
        return given.isBlank() || given.startsWith("${") ? System.nanoTime() : Long.parseLong(given.strip());
    }

    /** Null when the service answered well: every status below 500, and an answer or a close within the timeout. */
    static String check(int port, Hostile hostile) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 5000);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            try {
                socket.getOutputStream().write(hostile.bytes());
                socket.getOutputStream().flush();
                if (!hostile.complete()) {
                    socket.shutdownOutput();
                }
            } catch (IOException closedEarly) {
                // The server answered (413, 431, 400) and closed before reading everything: read its answer.
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16384];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return hang(received);
                }
                socket.setSoTimeout((int) left);
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException timeout) {
                    return hang(received);
                } catch (IOException reset) {
                    break; // reset by the server: a close
                }
                if (read < 0) {
                    break;
                }
                received.write(buffer, 0, read);
            }
        } catch (IOException e) {
            return "cannot connect: " + e;
        }
        Matcher status = STATUS.matcher(received.toString(StandardCharsets.ISO_8859_1));
        while (status.find()) {
            if (status.group(1).startsWith("5")) {
                return "status " + status.group(1) + ": " + head(received);
            }
        }
        return null;
    }

    private static String hang(ByteArrayOutputStream received) {
        return "neither answered nor closed within " + READ_TIMEOUT.toSeconds() + " s; received: " + head(received);
    }

    private static String head(ByteArrayOutputStream received) {
        String text = received.toString(StandardCharsets.ISO_8859_1);
        return text.isEmpty()
                ? "(nothing)"
                : text.substring(0, Math.min(300, text.length()))
                        .replace("\r", "\\r")
                        .replace("\n", "\\n");
    }
}
