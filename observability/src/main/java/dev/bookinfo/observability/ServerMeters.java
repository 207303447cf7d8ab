package dev.bookinfo.observability;

import dev.bookinfo.common.rest.RouteTemplates;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.micrometer.runtime.binder.HttpBinderConfiguration;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jboss.resteasy.reactive.server.core.Deployment;

/**
 * Which of the Vert.x binder's meters are kept, and the latency buckets of the one that gets a histogram.
 *
 * <p>Quarkus records HTTP server requests through its Vert.x binder, which also times every worker-pool task and
 * sizes every request and response body. Those are dropped (a denied meter costs nothing to record); what stays is
 * {@code http_server_requests_seconds} by method, route, status and outcome, with eleven fixed latency buckets from
 * 5 ms to 10 s (the slowest upstream timeout chain): enough for {@code histogram_quantile} in Prometheus or Grafana
 * at a fraction of Micrometer's default 70-odd buckets. No other meter gets a histogram.
 *
 * <p>A client chooses the method and the path of its request, so both tags are bounded here, where every series is
 * made: the {@code method} tag is one of the nine standard methods as sent ({@code GET}, never {@code get}: methods
 * are case-sensitive, and the services answer {@code get} with 405) or {@code _OTHER}, OpenTelemetry's value for
 * the same case, so that its HTTP dashboards read these series too. The {@code uri} tag is a route template of the
 * service, a value of {@code quarkus.micrometer.binder.http-server.match-patterns}, or one of Quarkus' own fixed
 * values ({@code root}, {@code NOT_FOUND}, {@code REDIRECTION}, {@code UNKNOWN}, {@code /cors-preflight}). Quarkus
 * puts the raw path there whenever no route matched and it does not recognise the answer as a 404 (a 405 on
 * {@code /reviews/0}, a 404 on {@code //zzz}, a connection reset, a static file spelled {@code /a/../static/..});
 * such a value becomes {@code NOT_FOUND} for a 404, {@code REDIRECTION} for a 3xx and {@code UNKNOWN} otherwise.
 * Without this, each made-up method or path would be a new series: memory a client could fill, and past Quarkus'
 * cap of 100 uri values ({@code max-uri-tags}) the real routes' new series would no longer be recorded at all.
 */
@Singleton
public class ServerMeters implements MeterFilter {

    static final String SERVER_REQUESTS = "http.server.requests";

    /** The methods recorded as sent; RFC 9110's, and PATCH (RFC 5789). */
    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
    /** The method tag of any other method. */
    static final String OTHER_METHOD = "_OTHER";
    /** Quarkus' own uri values, none of them a path a client chose. */
    static final Set<String> FIXED_URIS = Set.of("root", "NOT_FOUND", "REDIRECTION", "UNKNOWN", "/cors-preflight");

    private static final List<String> DROPPED = List.of("http.server.bytes", "http.server.connections", "worker.pool");

    private static final double[] BUCKETS = {
        ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000), ms(2500), ms(5000), ms(10000)
    };

    private final Set<String> matchPatternUris;
    private volatile Routes routes = new Routes(null, Set.of());

    ServerMeters(HttpBinderConfiguration binder) {
        this.matchPatternUris = Set.copyOf(binder.getServerMatchPatterns().values());
    }

    /**
     * Micrometer maps a meter's tags before it looks the meter up, so a made-up value costs one lookup and adds no
     * series (and no entry in the registry's cache of unmapped ids, which only keeps ids that made a meter).
     */
    @Override
    public Meter.Id map(Meter.Id id) {
        if (!SERVER_REQUESTS.equals(id.getName())) {
            return id;
        }
        String method = id.getTag("method");
        String uri = id.getTag("uri");
        String boundedMethod = method == null || METHODS.contains(method) ? method : OTHER_METHOD;
        String boundedUri = uri == null || isRoute(uri) ? uri : unmatched(id.getTag("status"));
        if (Objects.equals(boundedMethod, method) && Objects.equals(boundedUri, uri)) {
            return id;
        }
        List<Tag> tags = new ArrayList<>();
        for (Tag tag : id.getTagsAsIterable()) {
            switch (tag.getKey()) {
                case "method" -> tags.add(Tag.of("method", boundedMethod));
                case "uri" -> tags.add(Tag.of("uri", boundedUri));
                default -> tags.add(tag);
            }
        }
        return id.replaceTags(tags);
    }

    private boolean isRoute(String uri) {
        return FIXED_URIS.contains(uri) || matchPatternUris.contains(uri) || routes().contains(uri);
    }

    /** Quarkus' values for an answer no route matched: as it tags a 404 or a 3xx without a template, else UNKNOWN. */
    private static String unmatched(String status) {
        if ("404".equals(status)) {
            return "NOT_FOUND";
        }
        return status != null && status.length() == 3 && status.charAt(0) == '3' ? "REDIRECTION" : "UNKNOWN";
    }

    /** The route templates of the running application (tests and dev mode restart it with a new deployment). */
    private Set<String> routes() {
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        Routes current = routes;
        if (current.deployment != deployment) {
            Set<String> uris = new HashSet<>();
            RouteTemplates.all(deployment).forEach(template -> uris.add(asUri(template)));
            current = new Routes(deployment, Set.copyOf(uris));
            routes = current;
        }
        return current.uris;
    }

    /** A template as Quarkus' HTTP binder writes it in the uri tag: one leading slash, none at the end. */
    static String asUri(String template) {
        String uri = "/" + template.replaceAll("^/+|/+$", "");
        return "/".equals(uri) ? "root" : uri;
    }

    private record Routes(Deployment deployment, Set<String> uris) {}

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
