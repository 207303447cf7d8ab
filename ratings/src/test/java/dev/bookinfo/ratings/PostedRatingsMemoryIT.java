package dev.bookinfo.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bookinfo.wiring.JvmOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
 * An endless stream of POSTs to distinct ids must not grow the process without limit. Starts the packaged jar as
 * every launch path does, with the shipped JVM options of {@code scripts/jvm.options} (64 MiB heap), then posts
 * thousands of 64 KiB bodies of {@code [[],[],...]} (the worst case for a parsed JSON tree: one node per three bytes)
 * to ids never used before, and reads the process's resident set size from {@code /proc/<pid>/status} as it goes:
 * it must stay below the Deployment's memory limit ({@code quarkus.kubernetes.resources.limits.memory}), where
 * Kubernetes would kill the pod, and stop growing once the store is full.
 *
 * <p>Before the store was bounded, each such post kept about 1.5 MB of Jackson nodes for ever: with a 128 MiB heap
 * the heap was full after about 150 posts and every POST failed with 500 (OutOfMemoryError); with the default heap
 * of a 24 GiB host (6 GiB), RSS passed 440 MiB after 200 posts and 970 MiB after 600.
 */
class PostedRatingsMemoryIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** The repository: the tests run in the module's directory. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    /** Distinct ids posted: several times the default cap of stored products. */
    private static final int POSTS = 6_000;

    private static final int PARALLEL = 4;
    private static final int SAMPLE_EVERY = 200;
    /** The pod's memory limit: RSS the process must stay below. A full store holds at most 100 x 64 KiB of JSON. */
    private static final long MAX_RSS_MIB = podMemoryLimitMib();
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
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
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
                // 200 while there is room, then the documented refusal; never a server error (500: out of memory).
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
        System.out.println(
                "ratings RSS under " + POSTS + " distinct-id posts of 64 KiB: max " + maxRss + " MiB; " + samples);
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient client, int port, int id, String body) {
        return client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ratings/" + id))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Starts the jar on a free port and waits until it listens. */
    private int start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(JvmOptions.javaCommand(
                Path.of(System.getProperty("java.home"), "bin", "java"), ROOT, JAR.toAbsolutePath()));
        command.add(command.size() - 2, "-Dquarkus.http.port=0");
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        LinkedBlockingQueue<Integer> port = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
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
                },
                "ratings-output");
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

    private static long podMemoryLimitMib() {
        try {
            String properties = Files.readString(Path.of("src/main/resources/application.properties"));
            Matcher limit = Pattern.compile("(?m)^quarkus\\.kubernetes\\.resources\\.limits\\.memory=(\\d+)Mi\\s*$")
                    .matcher(properties);
            if (!limit.find()) {
                throw new IllegalStateException("no quarkus.kubernetes.resources.limits.memory in Mi");
            }
            return Long.parseLong(limit.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
