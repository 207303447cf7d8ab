package dev.bookinfo.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An endless stream of POSTs to distinct ids must not grow the process without limit. Starts the packaged jar
 * the way the README and run-local.sh do ({@code java -jar}, no JVM options), posts thousands of 64 KiB bodies
 * of {@code [[],[],...]} (the worst case for a parsed JSON tree: one node per three bytes) to ids never used
 * before, and reads the process's resident set size from {@code /proc/<pid>/status} as it goes.
 *
 * <p>Before the store was bounded, each such post kept about 1.7 MB of Jackson nodes for ever, and this test
 * failed after 200 posts (RSS over the bound below).
 */
class PostedRatingsMemoryIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    /** Distinct ids posted: several times the default cap of stored products. */
    private static final int POSTS = 6_000;
    private static final int PARALLEL = 4;
    private static final int SAMPLE_EVERY = 200;
    /**
     * RSS the process may reach: it measured 298 MiB here. A full store holds at most 100 x 64 KiB of compact
     * JSON; the rest is the JVM with its default heap sizing on this kind of machine (G1, an initial heap of 1/64
     * of the memory).
     */
    private static final long MAX_RSS_MIB = 400;
    /** Growth allowed over the second half of the posts, when the store has long been full: measured 0-1 MiB. */
    private static final long MAX_GROWTH_MIB = 64;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void rssStaysBoundedUnderDistinctIdPosts() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "package the application first: " + JAR.toAbsolutePath());
        int port = start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String body = "[" + "[],".repeat(21_844) + "[]]";
        List<String> samples = new ArrayList<>();
        samples.add("start: " + rssMib() + " MiB");
        long maxRss = 0;
        long halfwayRss = 0;
        for (int first = 1_000_000; first < 1_000_000 + POSTS; first += PARALLEL) {
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (int id = first; id < first + PARALLEL; id++) {
                batch.add(post(client, port, id, body));
            }
            // And one update of the first product, which is stored whatever the cap: it is parsed every time.
            CompletableFuture<HttpResponse<String>> update = post(client, port, 1_000_000, body);
            for (CompletableFuture<HttpResponse<String>> response : batch) {
                int status = response.join().statusCode();
                // 200 while there is room, then the documented refusal; never a server error.
                assertTrue(status == 200 || status == 409, "status " + status + " after " + samples);
            }
            assertEquals(200, update.join().statusCode(), () -> "update refused after " + samples);
            int posted = first + PARALLEL - 1_000_000;
            if (posted % SAMPLE_EVERY == 0) {
                long rss = rssMib();
                maxRss = Math.max(maxRss, rss);
                samples.add(posted + " posts: " + rss + " MiB");
                if (posted == POSTS / 2) {
                    halfwayRss = rss;
                }
                if (rss > MAX_RSS_MIB) {
                    fail("RSS " + rss + " MiB is over " + MAX_RSS_MIB + " MiB: " + samples);
                }
            }
        }
        long growth = rssMib() - halfwayRss;
        assertTrue(growth <= MAX_GROWTH_MIB, "RSS grew by " + growth + " MiB in the second half: " + samples);
        System.out.println("ratings RSS under " + POSTS + " distinct-id posts of 64 KiB: max " + maxRss + " MiB; "
                + samples);
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient client, int port, int id, String body) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ratings/" + id))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Starts the jar on a free port and waits until it listens. */
    private int start() throws IOException, InterruptedException {
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .start();
        LinkedBlockingQueue<Integer> port = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.add(Integer.parseInt(listening.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "ratings-output");
        reader.setDaemon(true);
        reader.start();
        Integer listening = port.poll(60, TimeUnit.SECONDS);
        if (listening == null) {
            fail("ratings did not start within 60 s");
        }
        return listening;
    }

    private long rssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
    }
}
