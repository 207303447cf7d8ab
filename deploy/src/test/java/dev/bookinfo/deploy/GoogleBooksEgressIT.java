package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookinfo.deploy.Manifests.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * istio/networking/egress-rule-google-apis.yaml by what it does to the details pods' outgoing connections: with
 * details v2's opt-in to the mesh's TLS origination (plain HTTP on port 80) the sidecar must encrypt, its own HTTPS
 * (the default) must pass through unchanged, and nothing may leave in the clear, to Google or anywhere else.
 */
class GoogleBooksEgressIT {

    private static final String GOOGLE = "www.googleapis.com";

    private static List<Resource> sample;
    private static Map<String, String> detailsV2;

    @BeforeAll
    static void load() {
        sample = Manifests.validated(Manifests.root().resolve("istio/networking/egress-rule-google-apis.yaml"));
        Topology topology = Topology.load();
        detailsV2 = new LinkedHashMap<>();
        topology.podLabels()
                .get("details-v2")
                .fields()
                .forEachRemaining(e -> detailsV2.put(e.getKey(), e.getValue().asText()));
    }

    /**
     * What the details pod's sidecar does with a connection the application opens (a small model of Istio's
     * outbound handling for the resources in the sample: Sidecar egress and outboundTrafficPolicy, ServiceEntry
     * ports with targetPort, VirtualService port rewrites, DestinationRule TLS per port).
     */
    static String outbound(
            List<Resource> resources, Map<String, String> podLabels, String host, int port, boolean appSpeaksTls) {
        boolean registryOnly = false;
        for (Resource s : Bookinfo.ofKind(resources, "Sidecar")) {
            JsonNode selector = s.tree().path("spec").path("workloadSelector").path("labels");
            boolean selects = true;
            for (var it = selector.fields(); it.hasNext(); ) {
                var e = it.next();
                selects &= e.getValue().asText().equals(podLabels.get(e.getKey()));
            }
            if (selects) {
                registryOnly = s.tree()
                        .path("spec")
                        .path("outboundTrafficPolicy")
                        .path("mode")
                        .asText()
                        .equals("REGISTRY_ONLY");
                List<String> hosts = Kustomize.strings(
                        s.tree().path("spec").path("egress").get(0).path("hosts"));
                assertTrue(
                        hosts.contains("./*") || hosts.contains("*/" + host) || hosts.contains("./" + host),
                        s + " hides the ServiceEntry for " + host);
            }
        }
        JsonNode servicePort = null;
        for (Resource se : Bookinfo.ofKind(resources, "ServiceEntry")) {
            if (Kustomize.strings(se.tree().path("spec").path("hosts")).contains(host)) {
                for (JsonNode p : se.tree().path("spec").path("ports")) {
                    if (p.path("number").asInt() == port) {
                        servicePort = p;
                    }
                }
            }
        }
        boolean tlsPort = servicePort != null
                && List.of("HTTPS", "TLS").contains(servicePort.path("protocol").asText());
        if (servicePort == null || (tlsPort && !appSpeaksTls)) {
            // No declared port (or plain bytes without SNI on a TLS port): the policy for unknown destinations.
            return registryOnly ? "blocked" : appSpeaksTls ? "TLS from the application" : "plaintext";
        }
        if (appSpeaksTls && !tlsPort) {
            return "TLS on an HTTP port (broken)";
        }
        int clusterPort = port;
        for (Resource vs : Bookinfo.ofKind(resources, "VirtualService")) {
            if (!Kustomize.strings(vs.tree().path("spec").path("hosts")).contains(host) || appSpeaksTls) {
                continue;
            }
            for (JsonNode rule : vs.tree().path("spec").path("http")) {
                for (JsonNode m : rule.path("match")) {
                    if (m.path("port").asInt() == port) {
                        clusterPort = rule.path("route")
                                .get(0)
                                .path("destination")
                                .path("port")
                                .path("number")
                                .asInt(port);
                    }
                }
            }
        }
        JsonNode tls = null;
        for (Resource dr : Bookinfo.ofKind(resources, "DestinationRule")) {
            if (!dr.tree().path("spec").path("host").asText().equals(host)) {
                continue;
            }
            JsonNode policy = dr.tree().path("spec").path("trafficPolicy");
            tls = policy.has("tls") ? policy.path("tls") : null;
            for (JsonNode level : policy.path("portLevelSettings")) {
                if (level.path("port").path("number").asInt() == clusterPort && level.has("tls")) {
                    tls = level.path("tls");
                }
            }
        }
        // The cluster for a service port sends to its endpoint's targetPort (for a rewritten port, that port's own).
        int endpointPort = clusterPort;
        for (Resource se : Bookinfo.ofKind(resources, "ServiceEntry")) {
            for (JsonNode p : se.tree().path("spec").path("ports")) {
                if (Kustomize.strings(se.tree().path("spec").path("hosts")).contains(host)
                        && p.path("number").asInt() == clusterPort) {
                    endpointPort = p.path("targetPort").asInt(clusterPort);
                }
            }
        }
        boolean originates = tls != null
                && List.of("SIMPLE", "MUTUAL").contains(tls.path("mode").asText());
        if (originates && appSpeaksTls) {
            return "TLS inside TLS (broken)";
        }
        if (originates) {
            assertEquals(host, tls.path("sni").asText(host), "SNI");
            assertTrue(!tls.path("insecureSkipVerify").asBoolean(), "certificate checked");
            assertTrue(
                    !tls.has("subjectAltNames")
                            || Kustomize.strings(tls.path("subjectAltNames")).contains(host),
                    "the name checked");
            return "TLS originated to " + endpointPort;
        }
        return (appSpeaksTls ? "TLS from the application to " : "plaintext to ") + endpointPort;
    }

    @Test
    void theOptInGetsTlsFromTheSidecar() {
        assertEquals("TLS originated to 443", outbound(sample, detailsV2, GOOGLE, 80, false));
    }

    @Test
    void theDefaultHttpsPassesThroughUnchanged() {
        assertEquals("TLS from the application to 443", outbound(sample, detailsV2, GOOGLE, 443, true));
    }

    @Test
    void nothingLeavesTheDetailsPodsInTheClear() {
        for (String host : List.of(GOOGLE, "googleapis.com", "books.googleapis.com", "142.250.185.74", "example.com")) {
            for (int port : List.of(80, 443, 8080)) {
                String outcome = outbound(sample, detailsV2, host, port, false);
                assertTrue(
                        outcome.equals("blocked") || outcome.startsWith("TLS originated"),
                        "plain HTTP to " + host + ":" + port + ": " + outcome);
            }
        }
    }

    @Test
    void withoutTheSidecarRestrictionPlainHttpToAnotherHostWouldLeave() {
        // The model sees the bypass the Sidecar closes (ALLOW_ANY is Istio's default), so the test above can fail.
        List<Resource> withoutSidecar =
                sample.stream().filter(r -> !r.kind().equals("Sidecar")).toList();
        assertEquals("plaintext", outbound(withoutSidecar, detailsV2, "books.googleapis.com", 80, false));
    }

    @Test
    void upstreamsRewriteToPort443WouldBreakTheDefaultHttps() {
        // upstream's form: VirtualService 80 -> 443 and TLS origination on 443, which also wraps details' own TLS.
        List<Resource> upstream = Manifests.validatedYaml("""
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata: {name: googleapis}
                spec:
                  hosts: [www.googleapis.com]
                  ports: [{number: 80, name: http, protocol: HTTP}, {number: 443, name: https, protocol: HTTPS}]
                  resolution: DNS
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: rewrite-port-for-googleapis}
                spec:
                  hosts: [www.googleapis.com]
                  http: [{match: [{port: 80}], route: [{destination: {host: www.googleapis.com, port: {number: 443}}}]}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: originate-tls-for-googleapis}
                spec:
                  host: www.googleapis.com
                  trafficPolicy: {portLevelSettings: [{port: {number: 443}, tls: {mode: SIMPLE}}]}
                """, "upstream egress-rule-google-apis.yaml");
        assertEquals("TLS originated to 443", outbound(upstream, detailsV2, GOOGLE, 80, false));
        assertEquals("TLS inside TLS (broken)", outbound(upstream, detailsV2, GOOGLE, 443, true));
        assertEquals("TLS from the application to 443", outbound(sample, detailsV2, GOOGLE, 443, true));
    }

    @Test
    void theSidecarRestrictionCoversEveryDetailsVersion() {
        Topology topology = Topology.load();
        for (String pod : topology.podsOf("details", null)) {
            Map<String, String> labels = new LinkedHashMap<>();
            topology.podLabels()
                    .get(pod)
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            assertEquals("blocked", outbound(sample, labels, "example.com", 80, false), pod);
        }
    }
}
