package dev.bookinfo.ratings.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set ({@code OTEL_EXPORTER_OTLP_ENDPOINT}), Quarkus' own OTLP exporter sends the spans
 * (here over OTLP/HTTP, protobuf) and the Zipkin/no-op exporter bean steps aside.
 */
@QuarkusTest
@WithTestResource(value = SpanCollector.class, initArgs = @ResourceArg(name = "exporter", value = "otlp"))
class OtlpExportTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void sendsSpansToTheOtlpEndpoint() {
        given().header("x-request-id", "otlp-export-1")
                .when()
                .get("/ratings/0")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> SpanCollector.server.findAll(postRequestedFor(urlEqualTo("/v1/traces"))).stream()
                        .anyMatch(request ->
                                new String(request.getBody(), StandardCharsets.ISO_8859_1).contains("otlp-export-1")));
    }

    @Test
    void leavesNoOtherExporterInPlace() {
        assertEquals(0, exporters.stream().count());
    }
}
