package dev.bookinfo.reviews.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    private static final Logger SERVICE_LOG = Logger.getLogger("dev.bookinfo.reviews.service.ReviewsService");

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord logged = ExtLogRecord.wrap(record);
            // The log context is read when the line is written, on the thread that writes it.
            logged.copyMdc();
            records.add(logged);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureServiceLog() {
        SERVICE_LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        SERVICE_LOG.removeHandler(capture);
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

        ExtLogRecord warning = records.stream()
                .filter(record -> record.getFormattedMessage().contains("log-context-1"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line for the request: " + records));
        assertEquals(
                "log-context-1",
                warning.getMdc("requestId"),
                warning.getMdcCopy().toString());
        assertEquals("0af7651916cd43dd8448eb211c80319c", warning.getMdc("traceId"));
        String spanId = warning.getMdc("spanId");
        assertTrue(spanId != null && spanId.matches("[0-9a-f]{16}") && !spanId.equals("b7ad6b7169203331"), spanId);
    }
}
