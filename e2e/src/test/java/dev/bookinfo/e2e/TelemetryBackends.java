package dev.bookinfo.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The suite's tracing and metrics backends: a real Zipkin server ({@code io.zipkin:zipkin-server} exec jar from Maven
 * Central, run on the test JVM's JDK, spans kept in memory) that every service exports to, and Debian's Prometheus
 * scraping the four services from a generated configuration.
 */
final class TelemetryBackends {

    static final Duration ZIPKIN_START = Duration.ofSeconds(240);
    static final Duration PROMETHEUS_START = Duration.ofSeconds(60);
    /** The scrape interval, short so that a test sees its requests counted within seconds. */
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);

    /** Where each service serves its Prometheus text: productpage at upstream's path, the others at Quarkus'. */
    static final Map<String, String> METRICS_PATHS = Map.of(
            "productpage", "/metrics", "details", "/q/metrics", "reviews", "/q/metrics", "ratings", "/q/metrics");

    private final Suite suite;

    TelemetryBackends(Suite suite) {
        this.suite = suite;
    }

    /** Starts Zipkin without waiting for it: it comes up while Keycloak does ({@link #awaitZipkin()}). */
    void startZipkin() {
        Path jar = Path.of(System.getProperty("zipkin.jar", "")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Zipkin's server jar is not at " + jar
                    + " (the pre-integration-test phase of the e2e module copies it there)");
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toString())
                .directory(suite.target.toFile());
        builder.environment().put("QUERY_PORT", Integer.toString(suite.port("zipkin")));
        suite.launch("zipkin", builder);
    }

    void awaitZipkin() {
        suite.awaitUp("zipkin", suite.url("zipkin") + "/health", ZIPKIN_START);
    }

    /** What every service gets: export its spans to Zipkin. */
    Map<String, String> serviceEnvironment() {
        return Map.of("OTEL_EXPORTER_ZIPKIN_ENDPOINT", suite.url("zipkin") + "/api/v2/spans");
    }

    /** Prometheus with one job per service, each scraping the service's metrics path on its port. */
    void startPrometheus() {
        Path binary = Path.of(System.getProperty("prometheus.binary", "/usr/bin/prometheus"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Prometheus is not installed at " + binary
                    + ": install Debian's package with `apt-get install -y prometheus`");
        }
        Path home = suite.target.resolve("prometheus");
        StringBuilder config = new StringBuilder()
                .append("# Written by the e2e suite (TelemetryBackends): the four services on their test ports.\n")
                .append("global:\n  scrape_interval: ")
                .append(SCRAPE_INTERVAL.toSeconds())
                .append("s\n")
                .append("scrape_configs:\n");
        for (String service : METRICS_PATHS.keySet().stream().sorted().toList()) {
            config.append("  - job_name: ")
                    .append(service)
                    .append('\n')
                    .append("    metrics_path: ")
                    .append(METRICS_PATHS.get(service))
                    .append('\n')
                    .append("    static_configs:\n")
                    .append("      - targets: ['localhost:")
                    .append(suite.port(service))
                    .append("']\n");
        }
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("prometheus.yml"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(
                        binary.toString(),
                        "--config.file=" + home.resolve("prometheus.yml"),
                        "--storage.tsdb.path=" + home.resolve("data-" + System.nanoTime()),
                        "--web.listen-address=127.0.0.1:" + suite.port("prometheus"))
                .directory(home.toFile());
        suite.launch("prometheus", builder);
        suite.awaitUp("prometheus", suite.url("prometheus") + "/-/ready", PROMETHEUS_START);
    }
}
