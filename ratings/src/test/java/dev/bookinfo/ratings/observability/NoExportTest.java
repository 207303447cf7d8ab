package dev.bookinfo.ratings.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without an exporter endpoint nothing is exported: the only span exporter is the one that sends nothing (which
 * also keeps Quarkus' OTLP exporter from sending to its default localhost:4317), while spans are still made, for
 * the trace headers of outgoing calls.
 */
@QuarkusTest
class NoExportTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void exportsNothingByDefault() {
        given().when().get("/ratings/0").then().statusCode(200);
        List<SpanExporter> all = exporters.stream().toList();
        assertEquals(1, all.size(), all.toString());
        assertSame(SpanExporter.composite().getClass(), all.get(0).getClass(), all.get(0).toString());
    }
}
