package dev.bookinfo.e2e;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The system under test, started once per JVM: Keycloak standing in for an Auth0 tenant (realm {@code bookinfo}
 * with a confidential client, an audience mapper and a {@code nickname} claim, plus a realm {@code other}), the
 * four packaged services in {@code JWT_MODE=standalone}, each on a free port and wired to the others as
 * {@code scripts/services.properties} says (reviews v2), and Zipkin and Prometheus receiving their traces and
 * metrics ({@link TelemetryBackends}). Every wait is bounded and fails with the end of the log of whatever did not
 * come up; logs are kept under {@code target/logs/}.
 */
final class Suite {

    private static final int PORT_RANGE_START = 20000;
    private static final int PORT_RANGE_SIZE = 12000;
    /** Where the next port search starts; random, so that two runs on one machine rarely meet. */
    private static int nextPort = new Random().nextInt(PORT_RANGE_SIZE);

    static final String AUDIENCE = "https://bookinfo.io";
    static final String CLIENT_ID = "bookinfo-productpage";
    static final String CLIENT_SECRET = "e2e-client-secret";
    /** productpage's HTTPS port (the same process as "productpage", with a self-signed certificate). */
    static final String PRODUCTPAGE_HTTPS = "productpage-https";
    /** A second productpage process sharing the first one's session encryption key. */
    static final String PRODUCTPAGE_REPLICA = "productpage-replica";

    static final Duration KEYCLOAK_START = Duration.ofSeconds(300);
    static final Duration SERVICE_START = Duration.ofSeconds(120);

    private static Suite instance;

    final Path root =
            Path.of(System.getProperty("bookinfo.root", "..")).toAbsolutePath().normalize();
    final Path target = Path.of(System.getProperty("bookinfo.e2e.target", "target"))
            .toAbsolutePath()
            .normalize();
    final Path keycloakHome =
            Path.of(System.getProperty("keycloak.home")).toAbsolutePath().normalize();
    final Path logs = target.resolve("logs");
    final ServiceWiring wiring = ServiceWiring.of(root);
    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Map<String, Process> processes = new LinkedHashMap<>();
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final TelemetryBackends telemetry = new TelemetryBackends(this);

    static synchronized Suite get() {
        if (instance == null) {
            Browsers.requireInstalled(); // minutes before a scenario would find out
            Suite suite = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::stop));
            try {
                suite.start();
            } catch (RuntimeException | Error e) {
                suite.printLogTails();
                suite.stop();
                throw e;
            }
            instance = suite;
        }
        return instance;
    }

    int port(String name) {
        return ports.get(name);
    }

    String url(String name) {
        return "http://localhost:" + port(name);
    }

    /**
     * {@code https://bookinfo.test:<port>}: a name only the TLS scenario's browser resolves (to 127.0.0.1), so that it
     * treats plain HTTP to the same host as insecure, as it would any real host (it trusts {@code localhost}).
     */
    String httpsUrl(String name) {
        return "https://" + TlsCertificate.HOST + ":" + port(name);
    }

    String issuer() {
        return url("keycloak") + "/realms/bookinfo";
    }

    private void start() {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : List.of(
                "keycloak",
                "productpage",
                PRODUCTPAGE_HTTPS,
                PRODUCTPAGE_REPLICA,
                "details",
                "reviews",
                "ratings",
                "zipkin",
                "prometheus")) {
            ports.put(name, freePort());
        }
        telemetry.startZipkin();
        startKeycloak();
        telemetry.awaitZipkin();
        Map<String, String> jwt = Map.of(
                "JWT_MODE",
                "standalone",
                "JWT_ISSUER",
                issuer(),
                "JWT_JWKS_URL",
                issuer() + "/protocol/openid-connect/certs",
                "JWT_AUDIENCE",
                AUDIENCE);
        startService("ratings", jwt);
        startService("details", jwt);
        startService("reviews", jwt);
        Map<String, String> productpage = Map.ofEntries(
                Map.entry("OIDC_AUTH_SERVER_URL", issuer()),
                Map.entry("OIDC_CLIENT_ID", CLIENT_ID),
                Map.entry("OIDC_CLIENT_SECRET", CLIENT_SECRET),
                Map.entry("OIDC_AUDIENCE", AUDIENCE),
                Map.entry("SESSION_ENCRYPTION_KEY", "e2e-session-encryption-key-0123456789abcdef"));
        startService("productpage", with(productpage, TlsCertificate.serverEnv(target, port(PRODUCTPAGE_HTTPS))));
        // A second replica with the same session encryption key, as in a Deployment with several pods.
        startService(PRODUCTPAGE_REPLICA, "productpage", productpage);
        for (String service : List.of("ratings", "details", "reviews", "productpage", PRODUCTPAGE_REPLICA)) {
            awaitUp(service, url(service) + "/q/health/ready", SERVICE_START);
        }
        telemetry.startPrometheus();
    }

    /** Keycloak with a fresh database: the realm files are imported on every run. */
    private void startKeycloak() {
        if (!Files.isRegularFile(keycloakHome.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + keycloakHome
                    + " (the pre-integration-test phase of the e2e module does that)");
        }
        try {
            Path data = keycloakHome.resolve("data");
            deleteRecursively(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            Files.writeString(imports.resolve("bookinfo-realm.json"), Realms.bookinfoWithE2eSigningKey());
            Files.writeString(imports.resolve("other-realm.json"), Realms.resource("other-realm.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = port("keycloak");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        "bin/kc.sh",
                        "start-dev",
                        "--http-port=" + port,
                        "--hostname=http://localhost:" + port,
                        "--import-realm",
                        "--cache=local")
                .directory(keycloakHome.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("BOOKINFO_URL", url("productpage"));
        builder.environment().put("BOOKINFO_HTTPS_URL", httpsUrl(PRODUCTPAGE_HTTPS));
        builder.environment().put("BOOKINFO_CLIENT_SECRET", CLIENT_SECRET);
        builder.environment().put("BOOKINFO_AUDIENCE", AUDIENCE);
        launch("keycloak", builder);
        awaitUp("keycloak", url("keycloak") + "/realms/other/.well-known/openid-configuration", KEYCLOAK_START);
        awaitUp("keycloak", issuer() + "/.well-known/openid-configuration", Duration.ofSeconds(30));
    }

    private void startService(String service, Map<String, String> env) {
        startService(service, service, env);
    }

    private void startService(String service, String module, Map<String, String> env) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify -Pe2e does)");
        }
        // The shipped JVM options (scripts/jvm.options), as in run-local.sh, the images and the benchmark.
        ProcessBuilder builder = new ProcessBuilder(
                JvmOptions.javaCommand(Path.of(System.getProperty("java.home"), "bin", "java"), root, jar));
        // The test JVM's environment may carry settings for a local run; every service gets exactly these.
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("JWT_")
                        || name.startsWith("OIDC_")
                        || name.endsWith("_HOSTNAME")
                        || name.endsWith("_SERVICE_PORT")
                        || name.startsWith("OTEL_"));
        builder.environment().putAll(telemetry.serviceEnvironment());
        builder.environment().putAll(wiring.environment(module, servicePorts()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port(service)));
        launch(service, builder);
    }

    /** The port of each of the four services (the wiring's names). */
    private Map<String, Integer> servicePorts() {
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        wiring.services().forEach(service -> servicePorts.put(service, port(service)));
        return servicePorts;
    }

    void launch(String name, ProcessBuilder builder) {
        Path log = logs.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            processes.put(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    void awaitUp(String name, String url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Process process = processes.get(name);
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during startup; "
                        + "the end of " + logs.resolve(name + ".log") + ":\n" + tail(name, 40));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " is not up after " + timeout.toSeconds() + " s (" + url
                        + "); the end of its log:\n" + tail(name, 40));
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** Stops one service, as a crash would (SIGKILL). */
    void kill(String name) {
        Process process = processes.get(name);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        List<Process> running = new ArrayList<>(processes.values());
        running.forEach(Process::destroy);
        for (Process process : running) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    void printLogTails() {
        for (String name : processes.keySet()) {
            System.err.println("===== last lines of " + logs.resolve(name + ".log") + " =====");
            System.err.println(tail(name, 30));
        }
    }

    String tail(String name, int lines) {
        Path log = logs.resolve(name + ".log");
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
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

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>(a);
        all.putAll(b);
        return all;
    }

    /**
     * A port nothing listens on, below Linux's ephemeral range (32768-60999). A port the kernel picks with
     * {@code new ServerSocket(0)} comes from that range, which is also where every new outgoing connection gets its
     * local port, so one of them can take it before Keycloak binds it 10-20 s later ("Port already bound", seen once
     * in CI). Ports 20000-31999 are handed out only by whoever asks for them by number.
     */
    private static int freePort() {
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
