package dev.bookinfo.observability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where spans go. Nothing is traced or exported unless one of the two endpoints is set; both are OpenTelemetry's own
 * variable names, wired in this module's {@code META-INF/microprofile-config.properties}.
 */
@ConfigMapping(prefix = "bookinfo.tracing")
public interface TracingConfig {

    /** The value of {@link #otlpEndpoint()} when no OTLP endpoint is set. */
    String NO_OTLP = "none";

    /**
     * {@code OTEL_EXPORTER_ZIPKIN_ENDPOINT}, e.g. {@code http://zipkin.istio-system:9411/api/v2/spans}: spans go to
     * Zipkin (or Jaeger's Zipkin port). Ignored when an OTLP endpoint is set.
     */
    Optional<String> zipkinEndpoint();

    /**
     * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_ENDPOINT}: spans go to that OTLP
     * receiver through Quarkus' own exporter; {@value #NO_OTLP} when neither is set.
     */
    @WithDefault(NO_OTLP)
    String otlpEndpoint();

    /**
     * Whether OpenTelemetry stays off (no spans, the trace headers copied by hand): {@code true} unless one of the
     * endpoints is set ({@link TracingSwitch}), or {@code BOOKINFO_TRACING_OFF} when set.
     */
    boolean off();

    /**
     * Whether the server span takes {@code enduser.id} from the incoming {@code end-user} header. True for details,
     * reviews and ratings, which receive it from productpage; productpage ignores a client's {@code end-user} and
     * tags the signed-in user itself.
     */
    @WithDefault("true")
    boolean endUserFromHeader();
}
