package dev.bookinfo.reviews.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.bookinfo.common.testing.LogCapture;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With tracing off (the default) there is no span, but a log line written while serving a request still carries the
 * incoming trace id (the trace of Istio's sidecar spans) and the request id: {@code traceId} and {@code requestId}
 * in JSON logs. With tracing on: {@link LogContextTest}.
 */
@QuarkusTest
@TestProfile(Profiles.RatingsDown.class)
class LogContextTracingOffTest {

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
    void warningCarriesTheIncomingTraceIdAndTheRequestId() {
        given().header("x-request-id", "log-context-off-1")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        ExtLogRecord warning = warningFor("log-context-off-1");
        assertEquals(
                "log-context-off-1",
                warning.getMdc("requestId"),
                warning.getMdcCopy().toString());
        assertEquals("0af7651916cd43dd8448eb211c80319c", warning.getMdc("traceId"));
        assertNull(warning.getMdc("spanId"), "no span with tracing off");
    }

    @Test
    void noTraceIdWithoutAnIncomingTrace() {
        given().header("x-request-id", "log-context-off-2")
                .header("x-b3-traceid", "not-hex")
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        ExtLogRecord warning = warningFor("log-context-off-2");
        assertNull(warning.getMdc("traceId"), warning.getMdcCopy().toString());
    }

    private ExtLogRecord warningFor(String requestId) {
        return log.records().stream()
                .filter(record -> record.getFormattedMessage().contains(requestId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line for the request: " + log.records()));
    }
}
