package dev.bookinfo.observability;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Supplies {@value #TRACING_OFF}: {@code true} unless a span exporter is configured ({@code bookinfo.tracing.*}
 * endpoints, read from OpenTelemetry's variables). {@code META-INF/microprofile-config.properties} sets Quarkus'
 * run-time {@code quarkus.otel.sdk.disabled} from it, so that with nowhere to send spans to, no span is made at all:
 * Quarkus then installs neither its Vert.x tracer nor the SDK, and the services pass the incoming trace headers on
 * by hand, as upstream does ({@code dev.bookinfo.common.PropagatedHeaders}). Spans that nobody exports cost about a
 * fifth of the throughput of {@code /productpage} (bench/README.md, "Observability"). Configuration cannot say
 * "true when both are unset" by itself, hence this interceptor; setting {@value #TRACING_OFF} explicitly wins.
 */
// Below the expression interceptor (LIBRARY + 300), which resolves ${bookinfo.tracing.off} by asking the ones below it.
@Priority(Priorities.LIBRARY + 250)
public class TracingSwitch implements ConfigSourceInterceptor {

    /** Whether OpenTelemetry's SDK stays off: no endpoint to export to. */
    public static final String TRACING_OFF = "bookinfo.tracing.off";

    private static final long serialVersionUID = 1L;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !TRACING_OFF.equals(name)) {
            return value;
        }
        boolean export = isSet(context.restart("bookinfo.tracing.zipkin-endpoint"))
                || (isSet(context.restart("bookinfo.tracing.otlp-endpoint"))
                        && !TracingConfig.NO_OTLP.equals(context.restart("bookinfo.tracing.otlp-endpoint")
                                .getValue()));
        return ConfigValue.builder()
                .withName(name)
                .withValue(Boolean.toString(!export))
                .withConfigSourceName(TracingSwitch.class.getSimpleName())
                .build();
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
