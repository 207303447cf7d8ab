package dev.bookinfo.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
     * values would name the wrong parent and put a second, conflicting value next to OpenTelemetry's, so they are copied
     * only when tracing is off ({@link #traceHeaders}): OpenTelemetry's values win. {@code x-b3-parentspanid} is not written at
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

    /** Copied from the incoming request to a Bookinfo service: the trace headers are written separately. */
    private static final Set<String> TO_BOOKINFO =
            NAMES.stream().filter(name -> !WRITTEN_BY_TRACING.contains(name)).collect(Collectors.toUnmodifiableSet());

    /** Copied to a third party: neither the trace headers (written separately) nor the user's. */
    private static final Set<String> TO_THIRD_PARTY =
            TO_BOOKINFO.stream().filter(name -> !USER_HEADERS.contains(name)).collect(Collectors.toUnmodifiableSet());

    private PropagatedHeaders() {}

    /**
     * What goes from {@code incoming} to another Bookinfo service, besides the trace headers ({@link #traceHeaders}):
     * the headers on the list but not {@link #WRITTEN_BY_TRACING}, except {@code setByCaller} (lower-case names the
     * caller writes itself). {@code cookie} goes without productpage's session cookies ({@link SessionCookies}), and
     * not at all when nothing else is left.
     *
     * <p>Every result of this class has lower-case names and one line per header: the same header spelled in two
     * cases, or sent twice, is joined in arrival order ({@code "; "} for cookies, which HTTP/1.1 wants in one line,
     * {@code ", "} otherwise), nothing is lost.
     */
    public static Map<String, String> toBookinfo(Map<String, List<String>> incoming, Set<String> setByCaller) {
        Map<String, String> selected = select(incoming, TO_BOOKINFO, setByCaller);
        String cookie = SessionCookies.strip(selected.remove("cookie"));
        if (cookie != null) {
            selected.put("cookie", cookie);
        }
        return selected;
    }

    /**
     * What goes from {@code incoming} to a call that leaves Bookinfo, besides the trace headers: the request id, the
     * user agent and other tracers' headers, never the {@link #USER_HEADERS}.
     */
    public static Map<String, String> toThirdParty(Map<String, List<String>> incoming) {
        return select(incoming, TO_THIRD_PARTY, Set.of());
    }

    /**
     * The {@link #WRITTEN_BY_TRACING} headers of {@code incoming} as they came: what a service sends on when tracing
     * is off, as upstream's services do.
     */
    public static Map<String, String> traceHeaders(Map<String, List<String>> incoming) {
        return select(incoming, WRITTEN_BY_TRACING, Set.of());
    }

    private static Map<String, String> select(
            Map<String, List<String>> incoming, Set<String> copied, Set<String> skipped) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : incoming.entrySet()) {
            String name = header.getKey() == null ? null : header.getKey().toLowerCase(Locale.ROOT);
            if (name != null && copied.contains(name) && !skipped.contains(name) && header.getValue() != null) {
                values.computeIfAbsent(name, key -> new ArrayList<>()).addAll(header.getValue());
            }
        }
        Map<String, String> selected = new LinkedHashMap<>();
        values.forEach((name, all) -> {
            List<String> present = all.stream().filter(Objects::nonNull).toList();
            if (!present.isEmpty()) {
                selected.put(name, String.join("cookie".equals(name) ? "; " : ", ", present));
            }
        });
        return selected;
    }

    /** Whether {@code name} is on the list, compared without regard to case. */
    public static boolean isPropagated(String name) {
        return name != null && NAME_SET.contains(name.toLowerCase(Locale.ROOT));
    }
}
