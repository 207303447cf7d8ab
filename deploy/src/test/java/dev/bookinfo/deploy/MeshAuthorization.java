package dev.bookinfo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookinfo.deploy.Manifests.Resource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides a request the way an Istio sidecar does with the AuthorizationPolicies it is given, for the subset of the
 * API Bookinfo uses: actions ALLOW and DENY, {@code selector.matchLabels}, sources by {@code principals},
 * {@code requestPrincipals}, {@code namespaces} (and their {@code not*} forms), operations by {@code methods} and
 * {@code paths} (and {@code not*}), and {@code when} on {@code request.auth.claims[...]}. Anything else in a policy
 * that applies to the workload fails the test ({@link UnsupportedOperationException}) rather than being guessed.
 *
 * <p>Istio's rules, as implemented here: DENY policies are checked first and any match denies; then, if at least one
 * ALLOW policy selects the workload, the request must match one of their rules, else it is allowed. Within a rule,
 * {@code from}, {@code to} and {@code when} must all match (a missing one matches everything); within
 * {@code from}/{@code to} any one entry suffices; within a source or an operation every field given must match.
 * Strings match exactly, or as a prefix ({@code abc*}), a suffix ({@code *abc}) or presence ({@code *}). Paths are
 * matched after Istio's default normalisation, {@code BASE} (RFC 3986: percent-encoded unreserved characters decoded,
 * dot segments removed, backslashes made slashes; {@code %2F} stays encoded, double slashes stay); the service then
 * receives that normalised path. The claims {@code scope} and {@code permissions} are split on spaces when they
 * are strings; list claims match when any element does.
 */
final class MeshAuthorization {

    private MeshAuthorization() {}

    /**
     * One request as the callee's sidecar sees it.
     *
     * @param peer the caller's mTLS identity ({@code cluster.local/ns/<ns>/sa/<sa>}), or null for plaintext
     * @param claims the payload of a token that passed the RequestAuthentication, or null for no token
     */
    record Request(String peer, String method, String path, Map<String, Object> claims) {

        /** {@code <iss>/<sub>}, Istio's request principal; null without a token. */
        String requestPrincipal() {
            return claims == null ? null : claims.get("iss") + "/" + claims.get("sub");
        }

        /** The namespace of the peer, or null. */
        String namespace() {
            if (peer == null) {
                return null;
            }
            String[] parts = peer.split("/");
            return parts.length == 5 && parts[1].equals("ns") ? parts[2] : null;
        }

        @Override
        public String toString() {
            return method + " " + path + " from " + peer + (claims == null ? " without a token" : " with " + claims);
        }
    }

    /** Is the request allowed on a workload with these pod labels? */
    static boolean allowed(List<Resource> policies, Map<String, String> podLabels, Request request) {
        List<JsonNode> allow = new ArrayList<>();
        for (Resource p : policies) {
            if (!p.kind().equals("AuthorizationPolicy")
                    || !selects(p.tree().path("spec").path("selector"), podLabels)) {
                continue;
            }
            JsonNode spec = p.tree().path("spec");
            String action = spec.path("action").asText("ALLOW");
            switch (action) {
                case "DENY" -> {
                    if (anyRuleMatches(p, spec, request)) {
                        return false;
                    }
                }
                case "ALLOW" -> allow.add(p.tree());
                default -> throw new UnsupportedOperationException(p + ": action " + action);
            }
        }
        if (allow.isEmpty()) {
            return true;
        }
        for (JsonNode p : allow) {
            if (anyRuleMatches(p.path("metadata").path("name").asText(), p.path("spec"), request)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyRuleMatches(Object policy, JsonNode spec, Request request) {
        for (JsonNode rule : spec.path("rules")) {
            known(policy, rule, Set.of("from", "to", "when"));
            if (any(rule.path("from"), f -> source(policy, f.path("source"), request))
                    && any(rule.path("to"), t -> operation(policy, t.path("operation"), request))
                    && all(rule.path("when"), c -> condition(policy, c, request))) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(JsonNode selector, Map<String, String> podLabels) {
        if (selector.isMissingNode()) {
            return true; // namespace-wide
        }
        Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(podLabels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean source(Object policy, JsonNode source, Request r) {
        known(
                policy,
                source,
                Set.of(
                        "principals",
                        "notPrincipals",
                        "requestPrincipals",
                        "notRequestPrincipals",
                        "namespaces",
                        "notNamespaces"));
        return field(source, "principals", r.peer())
                && field(source, "requestPrincipals", r.requestPrincipal())
                && field(source, "namespaces", r.namespace());
    }

    private static boolean operation(Object policy, JsonNode operation, Request r) {
        known(policy, operation, Set.of("methods", "notMethods", "paths", "notPaths"));
        return field(operation, "methods", r.method()) && field(operation, "paths", normalise(r.path()));
    }

    private static boolean condition(Object policy, JsonNode condition, Request r) {
        known(policy, condition, Set.of("key", "values", "notValues"));
        String key = condition.path("key").asText();
        if (!key.startsWith("request.auth.claims[") || !key.endsWith("]") || key.contains("][")) {
            throw new UnsupportedOperationException(policy + ": condition " + key);
        }
        List<String> values = claimValues(r.claims(), key.substring("request.auth.claims[".length(), key.length() - 1));
        boolean in = !condition.has("values") || values.stream().anyMatch(v -> matchesAny(condition.path("values"), v));
        boolean notIn = values.stream().anyMatch(v -> matchesAny(condition.path("notValues"), v));
        return in && !notIn;
    }

    private static List<String> claimValues(Map<String, Object> claims, String name) {
        if (claims == null || !claims.containsKey(name)) {
            return List.of();
        }
        Object value = claims.get(name);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        String text = String.valueOf(value);
        return Set.of("scope", "permissions").contains(name) ? List.of(text.split(" +")) : List.of(text);
    }

    /** {@code field} and {@code notField}: a missing list matches; a missing value matches no pattern. */
    private static boolean field(JsonNode node, String name, String value) {
        String not = "not" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        boolean in = !node.has(name) || (value != null && matchesAny(node.path(name), value));
        boolean excluded = value != null && matchesAny(node.path(not), value);
        return in && !excluded;
    }

    private static boolean matchesAny(JsonNode patterns, String value) {
        for (JsonNode p : patterns) {
            if (matches(p.asText(), value)) {
                return true;
            }
        }
        return false;
    }

    /** Istio's string match: exact, {@code *} (any non-empty), {@code prefix*}, {@code *suffix}. */
    static boolean matches(String pattern, String value) {
        if (pattern.equals("*")) {
            return !value.isEmpty();
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return value.endsWith(pattern.substring(1));
        }
        return pattern.equals(value);
    }

    /** The path Istio matches (query dropped, unreserved characters decoded, dot segments removed). */
    static String normalise(String rawPath) {
        String path = rawPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%'
                    && i + 2 < path.length()
                    && path.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
                int b = Integer.parseInt(path.substring(i + 1, i + 3), 16);
                if (Character.isLetterOrDigit(b) && b < 128 || b == '-' || b == '.' || b == '_' || b == '~') {
                    decoded.write(b);
                    i += 2;
                    continue;
                }
            }
            decoded.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
        Deque<String> out = new ArrayDeque<>();
        // Envoy's normalize_path also turns backslashes into slashes.
        String[] segments =
                decoded.toString(StandardCharsets.UTF_8).replace('\\', '/').split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (s.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(s);
            }
        }
        return "/" + String.join("/", out);
    }

    private static void known(Object policy, JsonNode node, Set<String> fields) {
        node.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                throw new UnsupportedOperationException(policy + ": " + f + " is not modelled here");
            }
        });
    }

    private static boolean any(JsonNode list, Predicate<JsonNode> t) {
        if (list.isMissingNode()) {
            return true;
        }
        for (JsonNode n : list) {
            if (t.test(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(JsonNode list, Predicate<JsonNode> t) {
        for (JsonNode n : list) {
            if (!t.test(n)) {
                return false;
            }
        }
        return true;
    }
}
