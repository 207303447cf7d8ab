package dev.bookinfo.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Which of the Vert.x binder's meters are kept, and the latency buckets of the one that gets a histogram.
 *
 * <p>Quarkus records HTTP server requests through its Vert.x binder, which also times every worker-pool task and
 * sizes every request and response body. Those are dropped (a denied meter costs nothing to record); what stays is
 * {@code http_server_requests_seconds} by method, route, status and outcome, with eleven fixed latency buckets from
 * 5 ms to 10 s (the slowest upstream timeout chain): enough for {@code histogram_quantile} in Prometheus or Grafana
 * at a fraction of Micrometer's default 70-odd buckets. No other meter gets a histogram.
 */
@Singleton
public class ServerMeters implements MeterFilter {

    static final String SERVER_REQUESTS = "http.server.requests";

    private static final List<String> DROPPED = List.of("http.server.bytes", "http.server.connections", "worker.pool");

    private static final double[] BUCKETS = {
        ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500), ms(5000), ms(10000)
    };

    @Override
    public MeterFilterReply accept(Meter.Id id) {
        for (String prefix : DROPPED) {
            if (id.getName().startsWith(prefix)) {
                return MeterFilterReply.DENY;
            }
        }
        return MeterFilterReply.NEUTRAL;
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(BUCKETS)
                .build()
                .merge(config);
    }

    private static double ms(long millis) {
        return Duration.ofMillis(millis).toNanos();
    }
}
