package dev.bookinfo.reviews.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.common.testing.LogCapture;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A log line written while serving a request carries the trace and the request id in its context, which JSON logs
 * (LOG_JSON=true) print as {@code traceId}, {@code spanId} and {@code requestId}: a log line leads to its trace.
 */
@QuarkusTest
@TestProfile(Profiles.RatingsDownTraced.class)
class LogContextTest {

    private static final String SERVICE_LOG = "dev.bookinfo.reviews.service.ReviewsService";

    private LogCapture log;

    @BeforeEach
    void captureServiceLog() {
        log = LogCapture.of(SERVICE_LOG);
    }

    @AfterEach
    void release() {
        log.close();
    }

    @Test
    void warningCarriesTraceSpanAndRequestId() {
        given().header("x-request-id", "log-context-1")
                .header("x-b3-traceid", "0af7651916cd43dd8448eb211c80319c")
                .header("x-b3-spanid", "b7ad6b7169203331")
                .header("x-b3-sampled", "1")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        ExtLogRecord warning = log.records().stream()
                .filter(record -> record.getFormattedMessage().contains("log-context-1"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line for the request: " + log.records()));
        assertEquals(
                "log-context-1",
                warning.getMdc("requestId"),
                warning.getMdcCopy().toString());
        assertEquals("0af7651916cd43dd8448eb211c80319c", warning.getMdc("traceId"));
        String spanId = warning.getMdc("spanId");
        assertTrue(spanId != null && spanId.matches("[0-9a-f]{16}") && !spanId.equals("b7ad6b7169203331"), spanId);
    }
}
