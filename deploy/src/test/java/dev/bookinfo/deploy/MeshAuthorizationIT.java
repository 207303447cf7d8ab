package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookinfo.deploy.Manifests.Resource;
import dev.bookinfo.deploy.MeshAuthorization.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mesh's access rules by what they mean: every AuthorizationPolicy of istio/ is evaluated (with
 * {@link MeshAuthorization}, Istio's semantics for the fields we use) for every caller, method, spelling of a path
 * and token below, on every workload of details, reviews, ratings and productpage, and the answer must be the one
 * {@link #intended} states in plain terms. And the RequestAuthentication reads tokens from the Authorization header
 * only.
 */
class MeshAuthorizationIT {

    private static final Path ISTIO = Manifests.root().resolve("istio");
    private static final String ISSUER = "https://bookinfo-demo.eu.auth0.com/";

    private static List<Resource> all;
    private static List<Resource> policies;
    private static Topology topology;

    @BeforeAll
    static void load() throws IOException {
        all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ISTIO)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList()) {
                all.addAll(Manifests.validated(f));
            }
        }
        policies =
                all.stream().filter(r -> r.kind().equals("AuthorizationPolicy")).toList();
        topology = Topology.load();
    }

    /** Who calls: their mTLS identity as the callee's sidecar sees it (null: plaintext, no sidecar). */
    enum Caller {
        PRODUCTPAGE("cluster.local/ns/default/sa/bookinfo-productpage"),
        REVIEWS("cluster.local/ns/default/sa/bookinfo-reviews"),
        RATINGS("cluster.local/ns/default/sa/bookinfo-ratings"),
        DETAILS("cluster.local/ns/default/sa/bookinfo-details"),
        INGRESS_GATEWAY("cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account"),
        PRODUCTPAGE_OF_ANOTHER_NAMESPACE("cluster.local/ns/shop/sa/bookinfo-productpage"),
        PLAINTEXT(null);

        final String peer;

        Caller(String peer) {
            this.peer = peer;
        }

        boolean inBookinfo() {
            return peer != null && peer.startsWith("cluster.local/ns/default/sa/");
        }
    }

    /** The token on the request, after the RequestAuthentication accepted it (a forged one never gets here: 401). */
    enum Token {
        NONE(null),
        USER(Map.of()),
        WRITER(Map.of("permissions", List.of("write:ratings"))),
        WRITER_AMONG_OTHERS(Map.of("permissions", "read:ratings write:ratings")),
        WRITE_SCOPE_ONLY(Map.of("scope", "openid profile write:ratings")),
        LOOKALIKE_PERMISSIONS(Map.of("permissions", List.of("write:ratings:all", "WRITE:RATINGS", "write:rating")));

        final Map<String, Object> claims;

        Token(Map<String, Object> extra) {
            if (extra == null) {
                this.claims = null;
            } else {
                Map<String, Object> c = new LinkedHashMap<>(
                        Map.of("iss", ISSUER, "sub", "auth0|6123", "aud", List.of("https://bookinfo.io")));
                c.putAll(extra);
                this.claims = c;
            }
        }

        boolean canWriteRatings() {
            return this == WRITER || this == WRITER_AMONG_OTHERS;
        }
    }

    private static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get", "post");

    /**
     * Paths as a client may spell them, each with the resource it stands for once normalised (what Istio matches
     * and what the service routes), or null where the spelling is not one of the resources below.
     */
    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        for (String service : List.of("details", "reviews", "ratings")) {
            PATHS.put("/" + service + "/0", "/" + service + "/0");
            PATHS.put("/" + service + "/0?access_token=x", "/" + service + "/0");
            PATHS.put("/" + service + "/./0", "/" + service + "/0");
            PATHS.put("/" + service + "/%30", "/" + service + "/0");
            PATHS.put("/health/../" + service + "/0", "/" + service + "/0");
            PATHS.put("/health/%2e%2e/" + service + "/0", "/" + service + "/0");
            PATHS.put("/health\\..\\" + service + "/0", "/" + service + "/0");
            PATHS.put("/" + service + "/0/../../q/metrics", "/q/metrics");
            PATHS.put("/" + service + "/%2e%2e/health", "/health");
            PATHS.put("/" + service, "/" + service);
            PATHS.put("/" + service.toUpperCase() + "/0", null);
            PATHS.put("//" + service + "/0", null);
            PATHS.put("/" + service + "%2F0", null);
        }
        PATHS.put("/health", "/health");
        PATHS.put("/q/health/live", "/q/health/live");
        PATHS.put("/q/metrics", "/q/metrics");
        PATHS.put("/productpage", "/productpage");
        PATHS.put("/api/v1/products/0/ratings", "/api/v1/products/0/ratings");
    }

    /** What the mesh is meant to allow, in the words of istio/README.md. */
    static boolean intended(String service, Caller caller, String method, String resource, Token token) {
        if (service.equals("productpage")) {
            return true; // public: anonymous readers get the page
        }
        if (token == Token.NONE || !caller.inBookinfo() || resource == null) {
            return false;
        }
        boolean onItsApi = resource.startsWith("/" + service + "/");
        return switch (service) {
            case "details", "reviews" -> caller == Caller.PRODUCTPAGE && method.equals("GET") && onItsApi;
            case "ratings" ->
                onItsApi
                        && ((method.equals("GET")
                                        && Set.of(Caller.PRODUCTPAGE, Caller.REVIEWS)
                                                .contains(caller))
                                || (method.equals("POST") && token.canWriteRatings()));
            default -> throw new AssertionError(service);
        };
    }

    @Test
    void everyWorkloadAllowsExactlyWhatIsIntended() {
        Map<String, List<String>> workloads = new LinkedHashMap<>();
        for (String service : Bookinfo.SERVICES) {
            workloads.put(service, topology.podsOf(service, null));
            assertFalse(workloads.get(service).isEmpty(), service);
        }
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        int allowed = 0;
        for (var w : workloads.entrySet()) {
            for (String pod : w.getValue()) {
                Map<String, String> labels = labels(topology.podLabels().get(pod));
                for (Caller caller : Caller.values()) {
                    for (String method : METHODS) {
                        for (var path : PATHS.entrySet()) {
                            for (Token token : Token.values()) {
                                Request request = new Request(caller.peer, method, path.getKey(), token.claims);
                                boolean actual = MeshAuthorization.allowed(policies, labels, request);
                                boolean expected = intended(w.getKey(), caller, method, path.getValue(), token);
                                cases++;
                                allowed += actual ? 1 : 0;
                                if (actual != expected) {
                                    wrong.add(pod + ": " + caller + " " + token + " " + request + " -> "
                                            + (actual ? "allowed" : "denied"));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong.stream().limit(8).toList(), wrong.size() + " of " + cases + " decisions wrong");
        assertTrue(allowed > 0 && allowed < cases, allowed + " of " + cases + " allowed");
    }

    @Test
    void theBackendCallsOfAPageWithASignedInReaderAreAllowed() {
        // What productpage and reviews v2/v3 actually send for /productpage?u=... with a session.
        assertDecision(true, "details-v1", Caller.PRODUCTPAGE, "GET", "/details/0", Token.USER);
        assertDecision(true, "reviews-v2", Caller.PRODUCTPAGE, "GET", "/reviews/0", Token.USER);
        assertDecision(true, "ratings-v1", Caller.REVIEWS, "GET", "/ratings/0", Token.USER);
        assertDecision(true, "ratings-v1", Caller.PRODUCTPAGE, "GET", "/ratings/0", Token.USER);
        // The same for an anonymous reader: refused, the page shows its error blocks.
        assertDecision(false, "details-v1", Caller.PRODUCTPAGE, "GET", "/details/0", Token.NONE);
        assertDecision(false, "ratings-v1", Caller.REVIEWS, "GET", "/ratings/0", Token.NONE);
    }

    @Test
    void writingRatingsNeedsTheWritePermission() {
        assertDecision(false, "ratings-v1", Caller.PRODUCTPAGE, "POST", "/ratings/0", Token.USER);
        assertDecision(false, "ratings-v1", Caller.RATINGS, "POST", "/ratings/0", Token.WRITE_SCOPE_ONLY);
        assertDecision(true, "ratings-v1", Caller.RATINGS, "POST", "/ratings/0", Token.WRITER);
        assertDecision(true, "ratings-v1", Caller.PRODUCTPAGE, "POST", "/ratings/0", Token.WRITER_AMONG_OTHERS);
        assertDecision(
                false, "ratings-v1", Caller.PRODUCTPAGE_OF_ANOTHER_NAMESPACE, "POST", "/ratings/0", Token.WRITER);
        assertDecision(false, "ratings-v1", Caller.RATINGS, "PUT", "/ratings/0", Token.WRITER);
        assertDecision(false, "ratings-v1", Caller.RATINGS, "DELETE", "/ratings/0", Token.WRITER);
    }

    private static void assertDecision(
            boolean expected, String pod, Caller caller, String method, String path, Token token) {
        Request request = new Request(caller.peer, method, path, token.claims);
        assertEquals(
                expected,
                MeshAuthorization.allowed(policies, labels(topology.podLabels().get(pod)), request),
                pod + ": " + caller + " " + request);
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    @Test
    void tokensAreReadFromTheAuthorizationHeaderOnly() {
        for (Resource ra : policiesOfKind("RequestAuthentication")) {
            for (JsonNode rule : ra.tree().path("spec").path("jwtRules")) {
                assertEquals(
                        Set.of("header Authorization, prefix 'Bearer '"),
                        tokenLocations(rule),
                        ra + ": where the sidecar looks for a token");
                assertTrue(rule.path("forwardOriginalToken").asBoolean(), ra + ": reviews passes the token on");
            }
        }
    }

    /** Where Envoy's JWT filter looks for a token under this rule (its defaults when no location is listed). */
    static Set<String> tokenLocations(JsonNode rule) {
        Set<String> out = new TreeSet<>();
        rule.path("fromHeaders")
                .forEach(h -> out.add("header " + h.path("name").asText() + ", prefix '"
                        + h.path("prefix").asText() + "'"));
        rule.path("fromParams").forEach(p -> out.add("query parameter " + p.asText()));
        rule.path("fromCookies").forEach(c -> out.add("cookie " + c.asText()));
        if (out.isEmpty()) {
            out.add("header Authorization, prefix 'Bearer '");
            out.add("query parameter access_token");
        }
        return out;
    }

    @Test
    void theDefaultTokenLocationsIncludeTheQueryString() throws IOException {
        // The check above can fail: without fromHeaders, Envoy also accepts ?access_token=.
        JsonNode bare = new ObjectMapper().readTree("{\"issuer\": \"" + ISSUER + "\"}");
        assertTrue(tokenLocations(bare).contains("query parameter access_token"));
    }

    private static List<Resource> policiesOfKind(String kind) {
        List<Resource> out = all.stream().filter(r -> r.kind().equals(kind)).toList();
        assertFalse(out.isEmpty(), "no " + kind);
        return out;
    }
}
