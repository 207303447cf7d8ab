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
 *
 * <p>The second test posts the bodies that take the most memory once stored, and checks the live heap, which RSS
 * cannot show: the heap is capped at 64 MiB, and a store 3.6 times larger than stated (22.6 MiB) still fitted
 * in it, with a maximum RSS of 177 MiB against 178 MiB with the store bounded to 64 KiB per product.
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

    /** Distinct ids posted worst-case bodies: a few times the default cap of stored products. */
    private static final int WORST_POSTS = 400;
    /**
     * Live byte arrays allowed to grow besides a full store: measured 0.4 MiB (6.6 MiB with 99 products stored).
     * Before the store kept UTF-8 of at most 64 KiB per product, the same posts added 22.6 MiB, as 99 strings of
     * 118,000 characters at two bytes each.
     */
    private static final long MAX_OTHER_LIVE_BYTES_MIB = 4;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

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
        int port = start();
        String body = "[" + "[],".repeat(21_844) + "[]]";
        List<String> samples = new ArrayList<>();
        samples.add("start: " + rssMib() + " MiB");
        long maxRss = 0;
        long halfwayRss = 0;
        for (int first = 1_000_000; first < 1_000_000 + POSTS; first += PARALLEL) {
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (int id = first; id < first + PARALLEL; id++) {
                batch.add(post(port, id, body));
            }
            // And one update of the first product, which is stored whatever the cap: it is parsed every time.
            CompletableFuture<HttpResponse<String>> update = post(port, 1_000_000, body);
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

    /**
     * The bodies that take the most memory once stored, to distinct ids: 64 KiB of {@code ["Ā",1e-6,1e-6,...]},
     * written back as {@code 0.000001} (118,000 characters, kept as a Java string of two bytes per character before
     * the store kept UTF-8 of at most 64 KiB, and refused with 413 now), then, where refused, the longest such array
     * whose compact form fits. The live byte arrays the process holds after a full GC (jcmd's class histogram) must
     * grow by at most a full store, 100 x 64 KiB, plus {@link #MAX_OTHER_LIVE_BYTES_MIB}; RSS stays below the pod's
     * limit.
     */
    @Test
    void liveHeapHoldsAtMostAFullStoreOfWorstCaseBodies() throws Exception {
        int port = start();
        String worst = "[\"Ā\"" + ",1e-6".repeat(13_106) + "]";
        String fits = "[\"Ā\"" + ",1e-6".repeat((65_536 - 6) / 9) + "]";
        assertEquals(65_536, worst.getBytes(StandardCharsets.UTF_8).length);
        // A first answer, so that what starting and serving a request load is in the baseline.
        assertEquals(200, post(port, 0, "{}").join().statusCode());
        long before = liveByteArrays();
        long maxRss = 0;
        int stored = 0;
        for (int first = 2_000_000; first < 2_000_000 + WORST_POSTS; first += PARALLEL) {
            List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
            for (int id = first; id < first + PARALLEL; id++) {
                batch.add(post(port, id, worst));
            }
            for (int i = 0; i < PARALLEL; i++) {
                int status = batch.get(i).join().statusCode();
                if (status == 413) {
                    status = post(port, first + i, fits).join().statusCode();
                }
                assertTrue(status == 200 || status == 409, "status " + status + " for product " + (first + i));
                stored += status == 200 ? 1 : 0;
            }
            maxRss = Math.max(maxRss, rssMib());
        }
        long grown = liveByteArrays() - before;
        System.out.printf(
                "ratings after %d distinct-id posts of worst-case bodies (%d stored): live byte[] grew by %.1f MiB,"
                        + " max RSS %d MiB%n",
                WORST_POSTS, stored, grown / 1048576.0, maxRss);
        assertTrue(maxRss <= MAX_RSS_MIB, "RSS " + maxRss + " MiB is over " + MAX_RSS_MIB + " MiB");
        assertTrue(
                grown <= (100L * 64 * 1024) + MAX_OTHER_LIVE_BYTES_MIB * 1048576,
                "live byte[] grew by " + grown + " bytes with " + stored + " products stored");
    }

    /**
     * Bytes of live {@code byte[]} in the process, after the full GC that jcmd's class histogram starts: stored
     * ratings, but also buffers and caches the process keeps anyway.
     */
    private long liveByteArrays() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        // The default 10 s to attach can run out on a loaded machine.
                        "-J-Dsun.tools.attach.attachTimeout=60000",
                        Long.toString(process.pid()),
                        "GC.class_histogram")
                .redirectErrorStream(true)
                .start();
        String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, jcmd.waitFor(), histogram);
        // "   1:   12345   6789012  [B (java.base@21.0.9)": instances, then bytes.
        Matcher byteArrays =
                Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+\\[B\\b").matcher(histogram);
        if (!byteArrays.find()) {
            throw new IllegalStateException("no byte[] in the class histogram: " + histogram);
        }
        return Long.parseLong(byteArrays.group(1));
    }

    private static CompletableFuture<HttpResponse<String>> post(int port, int id, String body) {
        return CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ratings/" + id))
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Starts the jar on a free port and waits until it listens. */
    private int start() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "package the application first: " + JAR.toAbsolutePath());
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
