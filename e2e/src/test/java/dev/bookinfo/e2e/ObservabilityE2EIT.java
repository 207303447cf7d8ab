package dev.bookinfo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Observability (docs/observability.md) end to end: a page load is one trace in a real Zipkin, with the spans of all
 * four services in the right parent/child order and tagged with the request id and the end user, and a real Prometheus
 * scrapes all four services. Runs before the other classes ({@code @Order(1)}): it needs every service alive.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityE2EIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Spans leave each service in batches every 5 s (the batch processor's default), then Zipkin indexes them. */
    private static final Duration TRACE_WAIT = Duration.ofSeconds(60);

    private static final String REQUEST_ID = "guid:x-request-id";
    private static final String END_USER = "enduser.id";
    private static final Json JSON = new Json();

    private static Suite suite;
    private static WebDriver browser;

    @RegisterExtension
    static final FailureReport ON_FAILURE = new FailureReport(() -> suite, () -> browser);

    @BeforeAll
    static void startEverything() {
        suite = Suite.get();
        browser = Browsers.start(suite, Browsers.options(suite, ""), "chromedriver-observability.log");
        browser.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * An anonymous page load: details and reviews refuse the call without a token (standalone JWT mode), reviews is
     * tried twice, ratings is never reached; all of it is one trace, found by the request id the reader sent.
     */
    @Test
    @Order(1)
    void anonymousPageLoadIsOneTraceTaggedWithTheRequestId() {
        String requestId = "e2e-anonymous-" + UUID.randomUUID();
        HttpResponse<String> page = get(suite.url("productpage") + "/productpage", Map.of("x-request-id", requestId));
        assertEquals(200, page.statusCode());

        List<Span> trace = awaitTrace(
                REQUEST_ID + "=" + requestId,
                spans -> services(spans).containsAll(Set.of("productpage", "details", "reviews"))
                        && servers(spans, "reviews").size() == 2);
        Span root = root(trace);
        assertEquals("productpage", root.service());
        assertTrue(root.name().endsWith("/productpage"), root.name());
        assertCalledFrom(root, servers(trace, "details").get(0), trace);
        for (Span reviews : servers(trace, "reviews")) {
            assertCalledFrom(root, reviews, trace);
            assertEquals("401", reviews.tags().get("http.response.status_code"), "no token, refused");
        }
        assertTrue(servers(trace, "ratings").isEmpty(), "ratings is not called when reviews refuses the call");
        for (Span server : trace.stream().filter(Span::isServer).toList()) {
            assertEquals(requestId, server.tags().get(REQUEST_ID), server.toString());
            assertFalse(server.tags().containsKey(END_USER), "nobody is signed in: " + server);
        }
    }

    /**
     * jason signs in and loads the page: one trace holds productpage, details, reviews and ratings, each server span
     * a child of its caller's client span, all tagged with productpage's request id and jason. The trace is then
     * shown in Zipkin's UI (the screenshot of docs/observability.md).
     */
    @Test
    @Order(2)
    void signedInPageLoadIsOneTraceThroughAllFourServices() throws IOException {
        Instant before = Instant.now();
        browser.get(suite.url("productpage") + "/productpage");
        browser.findElement(By.id("sign-in-link")).click();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("jason");
        browser.findElement(By.id("password")).sendKeys("jason");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.and(
                ExpectedConditions.urlToBe(suite.url("productpage") + "/productpage"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-name"))));
        // The first signed-in calls make each service fetch Keycloak's keys and compile its code: on a busy machine
        // they can exceed productpage's 3 s timeouts. Reload, as a reader would, until the stars are there.
        Instant starsBy = Instant.now().plus(Duration.ofSeconds(90));
        while (!browser.getPageSource().contains("glyphicon glyphicon-star")
                && Instant.now().isBefore(starsBy)) {
            browser.navigate().refresh();
        }
        assertTrue(browser.getPageSource().contains("glyphicon glyphicon-star"), "stars: ratings was reached");

        List<Span> trace = awaitTrace(
                END_USER + "=jason",
                spans -> services(spans).containsAll(Set.of("productpage", "details", "reviews", "ratings"))
                        && root(spans).timestamp().isAfter(before.minusSeconds(1)));
        Span root = root(trace);
        assertTrue(root.name().endsWith("/productpage"), root.name());
        // On a busy machine a first reviews call can time out and productpage's retry answer: the call that answered.
        Span details = answered(servers(trace, "details"));
        Span reviews = answered(servers(trace, "reviews"));
        Span ratings = answered(servers(trace, "ratings"));
        assertCalledFrom(root, details, trace);
        assertCalledFrom(root, reviews, trace);
        assertCalledFrom(reviews, ratings, trace);
        String requestId = root.tags().get(REQUEST_ID);
        assertTrue(requestId != null && !requestId.isBlank(), "productpage tags the request id it sends on");
        for (Span server : List.of(root, details, reviews, ratings)) {
            assertEquals("jason", server.tags().get(END_USER), server.toString());
            assertEquals(requestId, server.tags().get(REQUEST_ID), server.toString());
            assertEquals("200", server.tags().get("http.response.status_code"), server.toString());
        }

        browser.get(suite.url("zipkin") + "/zipkin/traces/" + root.traceId());
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ratings"));
        Suite.pause(Duration.ofSeconds(1));
        Path screenshot = screenshot("zipkin-trace");
        Path docs = suite.root.resolve("docs");
        if (screenshot != null && Files.isDirectory(docs) && Boolean.getBoolean("e2e.update-docs-screenshot")) {
            Files.copy(screenshot, docs.resolve("zipkin-trace.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Prometheus' targets API shows all four services up, and its query API returns their request counters. */
    @Test
    @Order(3)
    void prometheusScrapesAllFourServices() {
        Set<String> jobs = TelemetryBackends.METRICS_PATHS.keySet();
        awaitProm(
                "/api/v1/targets?state=active",
                body -> {
                    List<Map<String, Object>> targets =
                            list(map(map(body).get("data")).get("activeTargets"));
                    Set<String> up = targets.stream()
                            .filter(target -> "up".equals(target.get("health")))
                            .map(target ->
                                    String.valueOf(map(target.get("labels")).get("job")))
                            .collect(Collectors.toSet());
                    return up.containsAll(jobs) && targets.size() == jobs.size();
                },
                "all four targets up");

        awaitProm(
                "/api/v1/query?query=" + encode("sum by (job) (http_server_requests_seconds_count)"),
                body -> resultJobs(body).containsAll(jobs),
                "request counters of all four services");
        awaitProm(
                "/api/v1/query?query="
                        + encode("request_result_total{job=\"productpage\",destination_app=\"details\"}"),
                body -> !resultJobs(body).isEmpty(),
                "productpage's calls to details");
        awaitProm(
                "/api/v1/query?query=" + encode("request_result_total{job=\"reviews\",destination_app=\"ratings\"}"),
                body -> !resultJobs(body).isEmpty(),
                "reviews' calls to ratings");
    }

    private static void assertCalledFrom(Span caller, Span server, List<Span> trace) {
        Span client = trace.stream()
                .filter(span -> span.id().equals(server.parentId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no parent span of " + server + " in " + trace));
        assertEquals("CLIENT", client.kind(), "the parent of " + server + " is a client span");
        assertEquals(caller.service(), client.service(), "the client span of " + server);
        assertEquals(caller.id(), client.parentId(), "the client span of " + server + " belongs to " + caller);
    }

    private static Span root(List<Span> trace) {
        return trace.stream()
                .filter(span -> span.parentId() == null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no root span in " + trace));
    }

    private static List<Span> servers(List<Span> trace, String service) {
        return trace.stream()
                .filter(span -> span.isServer() && span.service().equals(service))
                .sorted(Comparator.comparing(Span::timestamp))
                .toList();
    }

    /** The last of {@code servers} that answered 200, else the first (whose assertions then say what went wrong). */
    private static Span answered(List<Span> servers) {
        return servers.reversed().stream()
                .filter(span -> "200".equals(span.tags().get("http.response.status_code")))
                .findFirst()
                .orElse(servers.get(0));
    }

    private static Set<String> services(List<Span> trace) {
        return trace.stream().map(Span::service).collect(Collectors.toSet());
    }

    /** The most recent trace Zipkin finds for {@code annotationQuery} that satisfies {@code complete}. */
    private static List<Span> awaitTrace(String annotationQuery, Predicate<List<Span>> complete) {
        String url = suite.url("zipkin") + "/api/v2/traces?limit=20&lookback=600000&annotationQuery="
                + encode(annotationQuery);
        Instant deadline = Instant.now().plus(TRACE_WAIT);
        List<List<Span>> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(url, Map.of());
            assertEquals(200, response.statusCode(), response.body());
            last = JSON.<List<List<Map<String, Object>>>>toType(response.body(), List.class).stream()
                    .map(spans -> spans.stream().map(Span::of).toList())
                    .toList();
            Optional<List<Span>> found = last.stream()
                    .filter(trace -> hasRoot(trace) && complete.test(trace))
                    .max(Comparator.comparing(trace -> root(trace).timestamp()));
            if (found.isPresent()) {
                return found.get();
            }
            Suite.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError("no complete trace for " + annotationQuery + " in Zipkin after "
                + TRACE_WAIT.toSeconds() + " s; found: " + last);
    }

    private static boolean hasRoot(List<Span> trace) {
        return trace.stream().anyMatch(span -> span.parentId() == null);
    }

    private static void awaitProm(String path, Predicate<String> ok, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(suite.url("prometheus") + path, Map.of());
            body = response.body();
            if (response.statusCode() == 200 && ok.test(body)) {
                return;
            }
            Suite.pause(TelemetryBackends.SCRAPE_INTERVAL);
        }
        throw new AssertionError("Prometheus: no " + what + " after 60 s; last answer of " + path + ": " + body);
    }

    private static Set<String> resultJobs(String body) {
        return list(map(map(body).get("data")).get("result")).stream()
                .map(series -> String.valueOf(map(series.get("metric")).get("job")))
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object json) {
        return json instanceof String text ? JSON.toType(text, Json.MAP_TYPE) : (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object json) {
        return json == null ? List.of() : (List<Map<String, Object>>) json;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return suite.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path screenshot(String name) {
        return Browsers.screenshot(suite, browser, name);
    }

    /** One span of Zipkin's JSON v2 ({@code /api/v2/traces}). */
    record Span(
            String traceId,
            String id,
            String parentId,
            String kind,
            String name,
            String service,
            Instant timestamp,
            Map<String, String> tags) {

        @SuppressWarnings("unchecked")
        static Span of(Map<String, Object> json) {
            Map<String, Object> endpoint = (Map<String, Object>) json.getOrDefault("localEndpoint", Map.of());
            Map<String, Object> tags = (Map<String, Object>) json.getOrDefault("tags", Map.of());
            Map<String, String> text = new LinkedHashMap<>();
            tags.forEach((key, value) -> text.put(key, String.valueOf(value)));
            long micros = ((Number) json.getOrDefault("timestamp", 0L)).longValue();
            return new Span(
                    (String) json.get("traceId"),
                    (String) json.get("id"),
                    (String) json.get("parentId"),
                    String.valueOf(json.get("kind")),
                    String.valueOf(json.get("name")),
                    String.valueOf(endpoint.get("serviceName")),
                    Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000),
                    text);
        }

        boolean isServer() {
            return "SERVER".equals(kind);
        }

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + id + (parentId == null ? "" : " <- " + parentId) + " "
                    + tags;
        }
    }
}
