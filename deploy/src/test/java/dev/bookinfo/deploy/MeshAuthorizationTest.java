package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.deploy.Manifests.Resource;
import dev.bookinfo.deploy.MeshAuthorization.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluator MeshAuthorizationIT relies on, on in-test policies: Istio's semantics, not an always-deny. */
class MeshAuthorizationTest {

    private static final Map<String, String> RATINGS = Map.of("app", "ratings", "version", "v1");
    private static final String PRODUCTPAGE = "cluster.local/ns/default/sa/bookinfo-productpage";
    private static final Map<String, Object> TOKEN = Map.of("iss", "https://t/", "sub", "u", "scope", "a b");

    private static List<Resource> policies(String yaml) {
        return Manifests.validatedYaml(yaml, "test");
    }

    private static final String ALLOW_GET = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: allow}
            spec:
              selector: {matchLabels: {app: ratings}}
              rules:
                - from: [{source: {principals: ["cluster.local/ns/default/sa/*"], requestPrincipals: ["*"]}}]
                  to: [{operation: {methods: [GET], paths: ["/ratings/*"], notPaths: ["/ratings/secret"]}}]
                  when: [{key: "request.auth.claims[scope]", values: [b]}]
            """;

    @Test
    void noPolicyAllowsEverything() {
        assertTrue(MeshAuthorization.allowed(List.of(), RATINGS, new Request(null, "DELETE", "/x", null)));
    }

    @Test
    void anAllowPolicyAllowsWhatMatchesEveryPartOfARule() {
        List<Resource> p = policies(ALLOW_GET);
        assertTrue(MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "GET", "/ratings/0", TOKEN)));
        assertFalse(MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "GET", "/ratings/0", null)));
        assertFalse(MeshAuthorization.allowed(p, RATINGS, new Request(null, "GET", "/ratings/0", TOKEN)));
        assertFalse(MeshAuthorization.allowed(
                p, RATINGS, new Request("cluster.local/ns/other/sa/x", "GET", "/ratings/0", TOKEN)));
        assertFalse(MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "POST", "/ratings/0", TOKEN)));
        assertFalse(MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "GET", "/ratings/secret", TOKEN)));
        assertFalse(MeshAuthorization.allowed(
                p,
                RATINGS,
                new Request(PRODUCTPAGE, "GET", "/ratings/0", Map.of("iss", "i", "sub", "s", "scope", "ab"))));
        // Another workload is not selected by the policy: nothing restricts it.
        assertTrue(MeshAuthorization.allowed(p, Map.of("app", "details"), new Request(null, "POST", "/x", null)));
    }

    @Test
    void pathsAreMatchedAfterNormalisation() {
        assertEquals("/ratings/0", MeshAuthorization.normalise("/health/../ratings/0"));
        assertEquals("/ratings/0", MeshAuthorization.normalise("/health/%2e%2E/ratings/./%30?x=/y"));
        assertEquals("/q/metrics", MeshAuthorization.normalise("/ratings/0/../../q/metrics"));
        assertEquals("/ratings%2F0", MeshAuthorization.normalise("/ratings%2F0"));
        assertEquals("//ratings/0", MeshAuthorization.normalise("//ratings/0"));
        assertEquals("/ratings/0", MeshAuthorization.normalise("/health\\..\\ratings/0"));
        List<Resource> p = policies(ALLOW_GET);
        assertFalse(
                MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "GET", "/ratings/x/../secret", TOKEN)));
    }

    @Test
    void aMatchingDenyPolicyWinsOverAnAllow() {
        List<Resource> p = policies(ALLOW_GET + """
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: deny}
                spec:
                  action: DENY
                  rules: [{to: [{operation: {paths: ["/ratings/1"]}}]}]
                """);
        assertTrue(MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "GET", "/ratings/0", TOKEN)));
        assertFalse(MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "GET", "/ratings/1", TOKEN)));
    }

    @Test
    void aFieldItDoesNotModelFailsInsteadOfBeingIgnored() {
        List<Resource> p = policies("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: ports}
                spec:
                  rules: [{to: [{operation: {ports: ["9080"]}}]}]
                """);
        assertThrows(
                UnsupportedOperationException.class,
                () -> MeshAuthorization.allowed(p, RATINGS, new Request(PRODUCTPAGE, "GET", "/ratings/0", TOKEN)));
    }
}
