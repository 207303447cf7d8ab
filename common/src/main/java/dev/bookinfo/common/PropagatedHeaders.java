package dev.bookinfo.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The headers Bookinfo services copy from an incoming request onto their outgoing calls
 * (docs/upstream.md#header-propagation). Istio's routing samples match on {@code end-user}, its tracing joins
 * spans through the trace headers, and the Auth0 setup needs {@code authorization}.
 *
 * <p>Upstream keeps this list in three services with a "keep this in sync" comment; here it lives once.
 */
public final class PropagatedHeaders {

    /** Lower-case header names, in upstream's order. */
    public static final List<String> NAMES = List.of(
            "x-request-id",
            "x-ot-span-context",
            "x-datadog-trace-id",
            "x-datadog-parent-id",
            "x-datadog-sampling-priority",
            "traceparent",
            "tracestate",
            "x-cloud-trace-context",
            "grpc-trace-bin",
            "x-b3-traceid",
            "x-b3-spanid",
            "x-b3-parentspanid",
            "x-b3-sampled",
            "x-b3-flags",
            "sw8",
            "end-user",
            "user-agent",
            "cookie",
            "authorization",
            "jwt");

    /**
     * The user's identity and credentials among {@link #NAMES}: they go to Bookinfo's own services only, never to a
     * third party such as Google Books.
     */
    public static final Set<String> USER_HEADERS = Set.of("end-user", "cookie", "authorization", "jwt");

    /**
     * The trace headers that OpenTelemetry writes on every outgoing call when tracing is on (propagators
     * {@code tracecontext} and {@code b3multi}), carrying the caller's own span as the parent. A copy of the incoming
     * values would name the wrong parent and put a second, conflicting value next to OpenTelemetry's, so
     * {@link #select} leaves them out then: OpenTelemetry's values win. {@code x-b3-parentspanid} is not written at
     * all (the receiver's parent is the {@code x-b3-spanid} it gets); a debug {@code x-b3-flags: 1} is written again by
     * the B3 propagator. With tracing off they are copied like the rest of the list, as upstream does.
     */
    public static final Set<String> WRITTEN_BY_TRACING = Set.of(
            "traceparent",
            "tracestate",
            "x-b3-traceid",
            "x-b3-spanid",
            "x-b3-parentspanid",
            "x-b3-sampled",
            "x-b3-flags");

    private static final Set<String> NAME_SET = Set.copyOf(NAMES);
    private static final Set<String> COPIED_WITH_TRACING =
            NAMES.stream().filter(name -> !WRITTEN_BY_TRACING.contains(name)).collect(Collectors.toUnmodifiableSet());

    private PropagatedHeaders() {}

    /**
     * The headers of {@code incoming} that are on the list, under their lower-case names, values in order; the same
     * header spelled in two cases is merged, nothing is lost. With {@code tracing} on, the ones
     * {@link #WRITTEN_BY_TRACING} are left out. For a REST client's {@code ClientHeadersFactory}: wrap the result in a
     * {@code MultivaluedHashMap}.
     */
    public static Map<String, List<String>> select(Map<String, List<String>> incoming, boolean tracing) {
        return select(incoming, tracing, false);
    }

    /**
     * Like {@link #select}, without the {@link #USER_HEADERS}: what a call that leaves Bookinfo may carry (the
     * request id, the user agent, the trace headers).
     */
    public static Map<String, List<String>> selectForThirdParty(Map<String, List<String>> incoming, boolean tracing) {
        return select(incoming, tracing, true);
    }

    private static Map<String, List<String>> select(
            Map<String, List<String>> incoming, boolean tracing, boolean withoutUser) {
        Set<String> copied = tracing ? COPIED_WITH_TRACING : NAME_SET;
        Map<String, List<String>> selected = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : incoming.entrySet()) {
            String name = header.getKey() == null ? null : header.getKey().toLowerCase(Locale.ROOT);
            if (name != null && copied.contains(name) && !(withoutUser && USER_HEADERS.contains(name))) {
                selected.computeIfAbsent(name, key -> new ArrayList<>()).addAll(header.getValue());
            }
        }
        return selected;
    }

    /** Whether {@code name} is on the list, compared without regard to case. */
    public static boolean isPropagated(String name) {
        return name != null && NAME_SET.contains(name.toLowerCase(Locale.ROOT));
    }
}
