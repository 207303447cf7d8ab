package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.common.testing.ClosedPort;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backends found through upstream's env vars (docs/upstream.md#backend-addresses: {@code *_HOSTNAME},
 * {@code *_SERVICE_PORT}, never {@code *_PORT}) that refuse connections: 500 on the API, error blocks on
 * the page.
 */
@QuarkusTest
@TestProfile(UnreachableBackendsTest.NothingListening.class)
class UnreachableBackendsTest {

    /**
     * Points all three backends at a port that refuses connections, through the upstream variables. The port stays
     * held until the test JVM exits: a profile has no hook at the end of its tests.
     */
    public static class NothingListening implements QuarkusTestProfile {

        private static final ClosedPort CLOSED = new ClosedPort();

        @Override
        public Map<String, String> getConfigOverrides() {
            String port = Integer.toString(CLOSED.port());
            Map<String, String> config = new HashMap<>();
            for (String name : List.of("DETAILS", "REVIEWS", "RATINGS")) {
                config.put(name + "_HOSTNAME", "localhost");
                config.put(name + "_SERVICE_PORT", port);
                // What Kubernetes injects; must be ignored.
                config.put(name + "_PORT", "tcp://10.0.0.1:9080");
            }
            return config;
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/products/0|{\"error\": \"Sorry, product details are currently unavailable for this book.\"}",
                "/api/v1/products/0/reviews|{\"error\": \"Sorry, product reviews are currently unavailable for this book.\"}",
                "/api/v1/products/0/ratings|{\"error\": \"Sorry, product ratings are currently unavailable for this book.\"}"
            })
    void connectionRefusedIsA500(String path, String body) {
        given().when()
                .get(path)
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is(body));
    }

    @Test
    void pageShowsBothErrorBlocks() {
        Document page = Pages.productPage();
        assertEquals(
                List.of("Error fetching product details", "Error fetching product reviews"),
                page.select("p.error-title").eachText());
        assertEquals(
                List.of(
                        "Sorry, product details are currently unavailable for this book.",
                        "Sorry, product reviews are currently unavailable for this book."),
                page.select("p.error-text").eachText());
    }

    @Test
    void indexShowsTheUrlsDerivedFromTheEnvironment() {
        Document page = Pages.parseStrict(
                given().when().get("/").then().statusCode(200).extract().asString());
        List<String> urls = page.select("td").eachText().stream()
                .filter(text -> text.startsWith("http"))
                .toList();
        assertEquals(4, urls.size(), urls.toString());
        for (String url : urls) {
            assertTrue(url.matches("http://localhost:\\d+"), url);
        }
    }

    @Test
    void refusedConnectionsCountAs500() {
        double before = Pages.requestResults("details", 500);
        given().when().get("/api/v1/products/0").then().statusCode(500);
        assertEquals(before + 1, Pages.requestResults("details", 500));
    }
}
