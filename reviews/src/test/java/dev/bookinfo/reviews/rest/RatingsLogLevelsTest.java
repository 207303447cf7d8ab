package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.bookinfo.reviews.testing.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.common.testing.LogCapture;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import dev.bookinfo.security.testing.RawRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What reviews logs about ratings: a WARN line when ratings fails, none when ratings refuses the reader (401 in
 * standalone JWT mode, 403 from a mesh policy: normal for an anonymous reader) or holds a value a client posted that
 * is not an integer (every reader of the product would log it again). The client's request id is escaped and cut.
 */
@QuarkusTest
@TestProfile(Profiles.V2.class)
class RatingsLogLevelsTest {

    @InjectRatings
    WireMockServer ratings;

    private LogCapture log;

    @BeforeEach
    void resetRatingsAndCapture() {
        ratings.resetAll();
        log = LogCapture.of("dev.bookinfo.reviews");
    }

    @AfterEach
    void release() {
        log.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403})
    void aReaderThatRatingsRefusesIsNoWarning(int status) {
        ratings.stubFor(get("/ratings/0")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-type", "application/json")
                        .withBody("{\"error\":\"please provide a bearer access token\"}")));

        given().get("/reviews/0").then().statusCode(200);

        assertNoWarning();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"id\":0,\"ratings\":{\"Reviewer1\":\"five\",\"Reviewer2\":4.5}}",
                "{\"id\":0,\"ratings\":{\"Reviewer1\":5}}",
                "{\"id\":0,\"ratings\":[5,4]}",
                "{\"id\":0,\"ratings\":null}"
            })
    void ratingsThatAClientPostedAreNoWarning(String body) {
        ratings.stubFor(get("/ratings/0").willReturn(okJson(body)));

        given().get("/reviews/0").then().statusCode(200);

        assertNoWarning();
    }

    /** Without this, a logger that writes nothing at all would pass the tests above. */
    @Test
    void ratingsFailingIsOneWarningWithTheRequestIdEscapedAndCut() {
        ratings.stubFor(get("/ratings/0")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-type", "application/json")
                        .withBody("{\"error\":\"Service unavailable\"}")));
        // C1's one-character CSI and NEL, sent as the bytes 0x9b and 0x85 (HTTP allows them in a value).
        String requestId = "\u009b2J\u0085forged " + "x".repeat(19_000);

        RawRequest.Answer answer = RawRequest.getWithHeaders("/reviews/0", List.of("x-request-id: " + requestId));
        assertEquals(200, answer.status(), answer::toString);

        List<ExtLogRecord> warnings = log.atLeast(Level.WARNING);
        assertEquals(1, warnings.size(), warnings::toString);
        String line = warnings.getFirst().getFormattedMessage();
        assertTrue(
                line.startsWith("Ratings unavailable for product 0: HTTP 503 (x-request-id=\\x9b2J\\x85forged xxx"),
                line);
        assertTrue(line.endsWith("...[" + requestId.length() + " chars])"), line);
        assertFalse(line.chars().anyMatch(Character::isISOControl), line);
        assertTrue(line.length() < 200, line.length() + " characters");
        String logged = warnings.getFirst().getMdc("requestId");
        assertTrue(logged.startsWith("\\x9b2J") && logged.length() < 100, logged);
    }

    private void assertNoWarning() {
        assertEquals(List.of(), log.linesAtLeast(Level.WARNING));
    }
}
