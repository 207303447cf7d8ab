package dev.bookinfo.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Calls to other services by destination and outcome: upstream productpage's {@code request_result} counter
 * (exposed as {@code request_result_total}), one increment per logical call, labelled with the destination and the
 * status it gave (500 when none). productpage counts details, reviews and ratings; reviews counts ratings; details
 * v2 counts Google Books ({@code googleapis}).
 */
@ApplicationScoped
public class BackendMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    BackendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String destination, int status) {
        counters.computeIfAbsent(
                        destination + ' ' + status,
                        key -> Counter.builder("request_result")
                                .description("Response code count per destination app")
                                .tag("destination_app", destination)
                                .tag("response_code", Integer.toString(status))
                                .register(registry))
                .increment();
    }
}
