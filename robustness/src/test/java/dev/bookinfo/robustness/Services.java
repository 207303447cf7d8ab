package dev.bookinfo.robustness;

import dev.bookinfo.wiring.JvmOptions;
import dev.bookinfo.wiring.ServiceWiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services as real processes, each on a free port, wired to each other as
 * {@code scripts/services.properties} says (reviews v2: ratings on, black stars), with their default settings:
 * {@code JWT_MODE=mesh}, production profile. Logs go to {@code target/logs/<service>.log}, appended across restarts,
 * so that a test can read every line a service wrote.
 */
final class Services implements AutoCloseable {

    static final Path ROOT =
            Path.of(System.getProperty("bookinfo.root", "..")).toAbsolutePath().normalize();
    static final ServiceWiring WIRING = ServiceWiring.of(ROOT);
    static final List<String> NAMES = WIRING.services();
    private static final int PORT_RANGE_START = 20000;
    private static final int PORT_RANGE_SIZE = 12000;
    /** Where the next port search starts; random, so that two runs on one machine rarely meet. */
    private static int nextPort = new Random().nextInt(PORT_RANGE_SIZE);

    static final Duration START = Duration.ofSeconds(120);

    final Path root = ROOT;
    final Path target = Path.of(System.getProperty("bookinfo.robustness.target", "target"))
            .toAbsolutePath()
            .normalize();
    final Path logs = target.resolve("logs");
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> extraEnv;
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts all four; {@code extraEnv} goes to every service. */
    Services(Map<String, String> extraEnv) {
        this.extraEnv = extraEnv;
        try {
            Files.createDirectories(logs);
            for (String name : NAMES) {
                ports.put(name, freePort());
                Files.deleteIfExists(log(name));
            }
            for (String name : NAMES) {
                start(name);
            }
            for (String name : NAMES) {
                awaitReady(name, START);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            printLogTails();
            close();
            throw e;
        }
    }

    int port(String name) {
        return ports.get(name);
    }

    String url(String name) {
        return "http://localhost:" + port(name);
    }

    Path log(String name) {
        return logs.resolve(name + ".log");
    }

    Process process(String name) {
        return processes.get(name);
    }

    void start(String name) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        // The shipped JVM options (scripts/jvm.options): these limits are the ones the tests hold the services to.
        ProcessBuilder builder = new ProcessBuilder(
                JvmOptions.javaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), root, jar));
        // The test JVM's environment may carry settings for a local run; every service gets exactly these.
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("JWT_")
                        || key.startsWith("OIDC_")
                        || key.startsWith("QUARKUS_")
                        || key.endsWith("_HOSTNAME")
                        || key.endsWith("_SERVICE_PORT"));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port(name)));
        env.putAll(WIRING.environment(name, ports));
        env.putAll(extraEnv);
        builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        try {
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    void awaitReady(String name, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Process process = processes.get(name);
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; the end of "
                        + log(name) + ":\n" + tail(name, 40));
            }
            if (status(url(name) + "/q/health/ready") == 200) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " is not ready after " + timeout.toSeconds()
                        + " s; the end of its log:\n" + tail(name, 40));
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** The status of a GET, or -1 when there is no answer within 5 s. */
    int status(String url) {
        return status(url, Duration.ofSeconds(5));
    }

    /** The status of a GET, or -1 when there is no connection or no answer within {@code timeout}. */
    int status(String url, Duration timeout) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(timeout)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String url, Duration timeout) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as Kubernetes stops a pod; returns the exit code. */
    int terminate(String name, Duration timeout) {
        Process process = processes.get(name);
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " did not exit within " + timeout.toSeconds() + " s of SIGTERM");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every line of every log with ERROR as its level (Quarkus' format: date, time, level). */
    List<String> errorLines() {
        List<String> errors = new ArrayList<>();
        for (String name : NAMES) {
            for (String line : lines(name)) {
                if (line.matches("^\\S+ \\S+ ERROR .*")) {
                    errors.add(name + ": " + line);
                }
            }
        }
        return errors;
    }

    List<String> lines(String name) {
        try {
            return Files.readAllLines(log(name), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail(String name, int count) {
        try {
            List<String> all = lines(name);
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    void printLogTails() {
        for (String name : processes.keySet()) {
            System.err.println("===== last lines of " + log(name) + " =====");
            System.err.println(tail(name, 30));
        }
    }

    @Override
    public void close() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A port nothing listens on, below Linux's ephemeral range (32768-60999), where outgoing connections take their
     * local ports and could take this one between the pick and the service's bind.
     */
    private static synchronized int freePort() {
        for (int i = 0; i < PORT_RANGE_SIZE; i++) {
            int port = PORT_RANGE_START + Math.floorMod(nextPort++, PORT_RANGE_SIZE);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException inUse) {
                // taken: try the next one
            }
        }
        throw new IllegalStateException(
                "no free port in " + PORT_RANGE_START + "-" + (PORT_RANGE_START + PORT_RANGE_SIZE - 1));
    }
}
