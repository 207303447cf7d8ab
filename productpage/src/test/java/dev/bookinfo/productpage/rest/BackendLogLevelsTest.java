package dev.bookinfo.productpage.rest;

import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.common.testing.LogCapture;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.Fixtures;
import dev.bookinfo.productpage.testing.InjectBackends;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A backend refusing what the client sent is the client's doing and no WARN line: otherwise every made-up id and
 * every anonymous reader refused by a backend (401 in standalone JWT mode, 403 from a mesh policy) would write one,
 * and anybody could fill the log. A backend failing is a WARN line, with the client's request id escaped and cut.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class BackendLogLevelsTest {

    @InjectBackends
    BackendStubs backends;

    private LogCapture log;

    @BeforeEach
    void healthyBackendsAndCapture() {
        backends.reset();
        backends.healthy();
        log = LogCapture.of("dev.bookinfo.productpage");
    }

    @AfterEach
    void release() {
        log.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/products/abc", "/api/v1/products/abc/reviews", "/api/v1/products/abc/ratings"})
    void aBadIdThatTheBackendRefusesIsNoWarning(String path) {
        String refused = "{\"error\": \"please provide numeric product ID\"}";
        backends.details("abc", json(400, refused));
        backends.reviews("abc", json(400, refused));
        backends.ratings("abc", json(400, refused));

        given().get(path).then().statusCode(400);

        assertNoWarning();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    void anAnonymousReaderRefusedByTheBackendsIsNoWarning(int status) {
        String refused = "{\"error\":\"please provide a bearer access token\"}";
        backends.details("0", json(status, refused));
        backends.reviews("0", json(status, refused));
        backends.ratings("0", json(status, refused));

        given().get("/productpage").then().statusCode(200);
        given().get("/api/v1/products/0/ratings").then().statusCode(status);

        assertNoWarning();
    }

    /** Without this, a logger that writes nothing at all would pass the tests above. */
    @Test
    void aBackendThatRefusesTheProductOfThePageIsAWarning() {
        backends.details("0", json(404, "{\"error\": \"not found\"}"));

        given().get("/productpage").then().statusCode(200);

        List<ExtLogRecord> warnings = log.atLeast(Level.WARNING);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.getFirst().getFormattedMessage().startsWith("details unavailable"), warnings::toString);
    }

    @Test
    void aHostileRequestIdIsLoggedEscapedAndCut() throws IOException {
        backends.details("0", json(503, "{\"error\": \"Service unavailable\"}"));
        backends.reviews("0", json(Fixtures.REVIEWS_V2));
        // C1's one-character CSI and NEL: sent as the bytes 0x9b and 0x85 (HTTP allows them in a value).
        String requestId = "\u009b2J\u0085forged " + "x".repeat(19_000);

        assertEquals("HTTP/1.1 200 OK", rawGet("/productpage", "x-request-id: " + requestId));

        List<ExtLogRecord> warnings = log.atLeast(Level.WARNING);
        assertEquals(1, warnings.size(), warnings::toString);
        String line = warnings.getFirst().getFormattedMessage();
        assertTrue(line.startsWith("details unavailable (request \\x9b2J\\x85forged xxx"), line);
        assertTrue(line.contains("...[" + requestId.length() + " chars]): HTTP 503"), line);
        assertFalse(line.chars().anyMatch(Character::isISOControl), line);
        assertTrue(line.length() < 200, line.length() + " characters");
        // JSON logs print the log context with every line of the request.
        String logged = warnings.getFirst().getMdc("requestId");
        assertTrue(logged.startsWith("\\x9b2J") && logged.length() < 100, logged);
    }

    /**
     * The status line of a GET written byte for byte: HTTP clients turn a character such as 0x9b into {@code ?}, the
     * bytes a hostile client sends as they are.
     */
    private static String rawGet(String path, String headerLine) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String request =
                    "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headerLine + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return answer.lines().findFirst().orElse("");
        }
    }

    private void assertNoWarning() {
        assertEquals(List.of(), log.linesAtLeast(Level.WARNING));
    }
}
