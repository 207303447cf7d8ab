package dev.bookinfo.observability;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * The span exporter, chosen at run time. Quarkus sends spans to every {@link SpanExporter} bean and drops its own
 * OTLP exporter as soon as there is one; so this bean exists exactly when no OTLP endpoint is configured, and is
 * Zipkin's exporter when {@code OTEL_EXPORTER_ZIPKIN_ENDPOINT} is set, otherwise an exporter that sends nothing (for
 * {@code BOOKINFO_TRACING_OFF=false} without an endpoint; by default tracing is then off, {@link TracingSwitch}).
 */
public class TraceExport {

    private static final Logger LOG = Logger.getLogger(TraceExport.class);

    @Produces
    @Singleton
    @LookupIfProperty(
            name = "bookinfo.tracing.otlp-endpoint",
            stringValue = TracingConfig.NO_OTLP,
            lookupIfMissing = true)
    SpanExporter zipkinOrNothing(TracingConfig config) {
        return config.zipkinEndpoint()
                .map(endpoint -> {
                    LOG.infof("Exporting spans to Zipkin at %s", endpoint);
                    return (SpanExporter) ZipkinSpanExporter.builder()
                            .setSender(URLConnectionSender.create(endpoint))
                            .build();
                })
                .orElseGet(SpanExporter::composite);
    }
}
