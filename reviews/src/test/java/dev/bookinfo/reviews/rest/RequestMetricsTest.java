package dev.bookinfo.reviews.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.reviews.testing.Profiles;
import dev.bookinfo.reviews.testing.ServerRequestSeries;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code http_server_requests_seconds}' method and uri tags are bounded (observability's ServerMeters, common's 405
 * answer): made-up methods and paths add at most one series per route and status, and the routes keep their tags.
 */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class RequestMetricsTest {

    /** The uri values reviews can record: its routes and Quarkus' fixed values. */
    static final Set<String> URIS =
            Set.of("/reviews/{productId}", "/reviews", "/health", "NOT_FOUND", "UNKNOWN", "root");

    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "_OTHER");

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @TestHTTPResource("/")
    URI root;

    @Test
    void routesKeepTheirTags() {
        ServerRequestSeries.send(root, "GET", "/reviews/0");
        ServerRequestSeries.send(root, "POST", "/reviews/0");
        ServerRequestSeries.send(root, "GET", "/zzz");
        ServerRequestSeries.send(root, "GET", "/reviews/abc");
        Set<String> series = ServerRequestSeries.of(root);
        for (String expected : List.of(
                "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/reviews/{productId}\"",
                "method=\"POST\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"/reviews/{productId}\"",
                "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"",
                "method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/reviews/{productId}\"")) {
            assertTrue(series.contains(expected), expected + " is not among " + series);
        }
    }

    @Test
    void madeUpMethodsAreRecordedAsOther() {
        ServerRequestSeries.send(root, "M0", "/reviews/0");
        ServerRequestSeries.send(root, "M0", "/zzz");
        Set<String> before = ServerRequestSeries.of(root);
        for (int i = 1; i <= 100; i++) {
            ServerRequestSeries.send(root, "M" + i, "/reviews/0");
            ServerRequestSeries.send(root, "X-" + i, "/zzz");
        }
        // Methods are case-sensitive: get is not GET, and the service answers it with 405.
        for (String method : List.of("get", "Get", "PROPFIND", "OTHER")) {
            ServerRequestSeries.send(root, method, "/reviews/0");
        }
        Set<String> series = ServerRequestSeries.of(root);
        assertEquals(before, series, "made-up methods added series");
        assertTrue(series.contains(
                "method=\"_OTHER\",outcome=\"CLIENT_ERROR\",status=\"405\",uri=\"/reviews/{productId}\""));
        assertTrue(series.contains("method=\"_OTHER\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\""));
        series.forEach(labels -> assertTrue(METHODS.contains(label(labels, "method")), labels));
    }

    @Test
    void madeUpPathsAreRecordedUnderTheRouteOrNotFound() {
        Set<String> before = ServerRequestSeries.of(root);
        for (int i = 0; i < 100; i++) {
            ServerRequestSeries.send(root, "POST", "/reviews/" + i);
            ServerRequestSeries.send(root, "PUT", "//reviews/%3" + (i % 10) + "/");
            ServerRequestSeries.send(root, "GET", "//zzz" + i);
            ServerRequestSeries.send(root, "DELETE", "/zzz/" + i);
        }
        Set<String> series = ServerRequestSeries.of(root);
        Set<String> added = new HashSet<>(series);
        added.removeAll(before);
        assertTrue(added.size() <= 4, "one series per method and status at most, got " + added);
        series.forEach(labels -> assertTrue(URIS.contains(label(labels, "uri")), labels));
    }

    static String label(String labels, String name) {
        Matcher label = LABEL.matcher(labels);
        while (label.find()) {
            if (label.group(1).equals(name)) {
                return label.group(2);
            }
        }
        return null;
    }
}
