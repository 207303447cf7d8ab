package dev.bookinfo.reviews.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.reviews.testing.Profiles;
import dev.bookinfo.reviews.testing.ServerRequestSeries;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A client that floods a freshly started service with made-up methods and paths cannot blind its operators: the
 * routes' series are still recorded afterwards. (Quarkus records at most 100 uri values and drops every new one
 * after that; were the flood's paths recorded as sent, the routes requested after it would never be.)
 */
@QuarkusTest
@TestProfile(RequestMetricsFloodTest.Fresh.class)
class RequestMetricsFloodTest {

    /** Its own application, so that no route has been requested before the flood. */
    public static class Fresh extends Profiles.V1 {}

    private static final String PAGE = "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/reviews/{productId}\"";
    private static final String HEALTH = "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/health\"";

    @TestHTTPResource("/")
    URI root;

    @Test
    void routesAreRecordedAfterAFlood() {
        Set<String> before = ServerRequestSeries.of(root);
        assertFalse(before.contains(PAGE) || before.contains(HEALTH), "requested before the flood: " + before);
        for (int i = 0; i < 150; i++) {
            ServerRequestSeries.send(root, "DELETE", "/health/" + i);
            ServerRequestSeries.send(root, "GET", "//zzz" + i);
            ServerRequestSeries.send(root, "PUT", "/reviews/" + i);
            ServerRequestSeries.send(root, "M" + i, "/zzz");
        }
        ServerRequestSeries.send(root, "GET", "/reviews/0");
        ServerRequestSeries.send(root, "GET", "/health");
        Set<String> series = ServerRequestSeries.of(root);
        assertTrue(series.contains(PAGE), PAGE + " is not among " + series);
        assertTrue(series.contains(HEALTH), HEALTH + " is not among " + series);
        assertTrue(series.size() <= 8, "the flood made " + series.size() + " series: " + series);
    }
}
