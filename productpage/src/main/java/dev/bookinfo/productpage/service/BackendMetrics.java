package dev.bookinfo.productpage.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Upstream's {@code request_result} counter (exposed as {@code request_result_total}): one increment
 * per logical backend call, labelled with the backend and the status it gave (500 when none).
 */
@ApplicationScoped
public class BackendMetrics {

    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    BackendMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String backend, int status) {
        counters.computeIfAbsent(backend + ' ' + status, key -> Counter.builder("request_result")
                .description("Response code count per destination app")
                .tag("destination_app", backend)
                .tag("response_code", Integer.toString(status))
                .register(registry))
                .increment();
    }
}
