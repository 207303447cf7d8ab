package dev.bookinfo.ratings.observability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Without an exporter endpoint tracing is off: OpenTelemetry's SDK is disabled, Quarkus installs no tracer (no span
 * is made, none could be exported, nothing tries Quarkus' default localhost:4317), while requests are served as
 * usual. The trace headers
 * are then copied by hand (reviews' HeaderPropagationTracingOffTest, productpage's TracingOffPropagationTest).
 */
@QuarkusTest
class NoExportTest {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean sdkDisabled;

    @Test
    void tracingIsOffWithoutAnEndpoint() {
        given().header("x-b3-traceid", "463ac35c9f6413ad48485a3953bb6124")
                .header("x-b3-spanid", "a2fb4a1d1a96d312")
                .header("x-b3-sampled", "1")
                .when()
                .get("/ratings/0")
                .then()
                .statusCode(200);

        assertTrue(sdkDisabled, "quarkus.otel.sdk.disabled");
        // Server and client spans come from the tracer Quarkus gives Vert.x: none is installed.
        assertNull(((VertxInternal) vertx).tracer(), "Vert.x tracer");
    }
}
