package dev.bookinfo.productpage.config;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Makes the {@code b3multi} propagator write B3 the way upstream's Python propagator does: an
 * incoming {@code x-b3-flags: 1} (debug) still makes the trace sampled, but {@code x-b3-flags} itself
 * is not sent on (docs/upstream.md#b3-in-productpage). The Java propagator would forward it.
 */
@Singleton
public class UpstreamB3Format implements TextMapPropagatorCustomizer {

    static final String FLAGS = "X-B3-Flags";

    @Override
    public TextMapPropagator customize(TextMapPropagatorCustomizer.Context context) {
        TextMapPropagator propagator = context.propagator();
        return propagator instanceof B3Propagator ? new WithoutFlags(propagator) : propagator;
    }

    // Inside this class "Context" is TextMapPropagatorCustomizer.Context, hence the qualified OTel Context.
    private record WithoutFlags(TextMapPropagator b3) implements TextMapPropagator {

        @Override
        public Collection<String> fields() {
            return b3.fields().stream()
                    .filter(field -> !FLAGS.equalsIgnoreCase(field))
                    .toList();
        }

        @Override
        public <C> void inject(io.opentelemetry.context.Context context, C carrier, TextMapSetter<C> setter) {
            b3.inject(context, carrier, (target, key, value) -> {
                if (!FLAGS.equalsIgnoreCase(key)) {
                    setter.set(target, key, value);
                }
            });
        }

        @Override
        public <C> io.opentelemetry.context.Context extract(
                io.opentelemetry.context.Context context, C carrier, TextMapGetter<C> getter) {
            return b3.extract(context, carrier, getter);
        }
    }
}
