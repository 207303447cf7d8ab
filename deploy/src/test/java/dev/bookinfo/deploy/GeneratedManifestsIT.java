package dev.bookinfo.deploy;

import static dev.bookinfo.deploy.Bookinfo.PORT;
import static dev.bookinfo.deploy.Bookinfo.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookinfo.deploy.Manifests.Resource;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests quarkus-kubernetes generated at package time (<svc>/target/kubernetes/kubernetes.yml), against
 * upstream platform/kube/bookinfo.yaml (docs/upstream.md#the-main-manifest) and bookinfo-psa.yaml
 * (docs/upstream.md#other-manifests).
 */
class GeneratedManifestsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Resource> manifest(String service) {
        var file = Bookinfo.generated(service);
        assertTrue(Files.isRegularFile(file), file + " missing: run ./mvnw package at the root");
        return Manifests.validated(file);
    }

    private static JsonNode json(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode container(String service) {
        JsonNode containers = get(manifest(service), "Deployment", service + "-v1")
                .tree()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers");
        assertEquals(1, containers.size(), "one container");
        return containers.get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void holdsExactlyTheServiceAccountTheServicesAndTheDeployment(String service) {
        Set<String> ids = new TreeSet<>();
        manifest(service).forEach(r -> ids.add(r.apiVersion() + " " + r.kind() + " " + r.name()));
        assertEquals(
                new TreeSet<>(Set.of(
                        "v1 ServiceAccount bookinfo-" + service,
                        "v1 Service " + service,
                        "v1 Service " + service + "-v1",
                        "apps/v1 Deployment " + service + "-v1")),
                ids);
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void serviceHasUpstreamNameLabelsPortAndSelectsOnAppOnly(String service) {
        JsonNode svc = get(manifest(service), "Service", service).tree();
        assertEquals(
                json("{\"app\":\"" + service + "\",\"service\":\"" + service + "\"}"),
                svc.path("metadata").path("labels"));
        assertEquals(
                json("[{\"name\":\"http\",\"port\":" + PORT + ",\"targetPort\":" + PORT + "}]"),
                svc.path("spec").path("ports"));
        assertEquals(json("{\"app\":\"" + service + "\"}"), svc.path("spec").path("selector"));
        assertTrue(svc.path("spec").path("type").asText("ClusterIP").equals("ClusterIP"), "ClusterIP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void perVersionServiceSelectsAppAndVersion(String service) {
        JsonNode svc = get(manifest(service), "Service", service + "-v1").tree();
        assertEquals(
                json("[{\"name\":\"http\",\"port\":" + PORT + ",\"targetPort\":" + PORT + "}]"),
                svc.path("spec").path("ports"));
        assertEquals(
                json("{\"app\":\"" + service + "\",\"version\":\"v1\"}"),
                svc.path("spec").path("selector"));
        assertEquals("ClusterIP", svc.path("spec").path("type").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void servicesSelectExactlyTheirOwnPods(String service) {
        List<Resource> resources = manifest(service);
        List<Resource> deployments = Bookinfo.ofKind(resources, "Deployment");
        assertEquals(
                List.of(service + "-v1"), Bookinfo.podsSelectedBy(get(resources, "Service", service), deployments));
        assertEquals(
                List.of(service + "-v1"),
                Bookinfo.podsSelectedBy(get(resources, "Service", service + "-v1"), deployments));
        // Across the suite: no Service selects another service's pods.
        for (String other : Bookinfo.SERVICES) {
            if (!other.equals(service)) {
                assertEquals(
                        List.of(),
                        Bookinfo.podsSelectedBy(
                                get(resources, "Service", service), Bookinfo.ofKind(manifest(other), "Deployment")),
                        service + " selects " + other);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void serviceAccountCarriesTheAccountLabel(String service) {
        JsonNode sa =
                get(manifest(service), "ServiceAccount", "bookinfo-" + service).tree();
        assertEquals(
                json("{\"account\":\"" + service + "\"}"), sa.path("metadata").path("labels"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void deploymentHasAppAndVersionOnItselfItsSelectorAndItsPods(String service) {
        JsonNode d = get(manifest(service), "Deployment", service + "-v1").tree();
        JsonNode appVersion = json("{\"app\":\"" + service + "\",\"version\":\"v1\"}");
        assertLabels(appVersion, d.path("metadata").path("labels"), "Deployment labels");
        assertEquals(appVersion, d.path("spec").path("selector").path("matchLabels"), "selector");
        assertLabels(
                appVersion, d.path("spec").path("template").path("metadata").path("labels"), "pod labels");
        assertEquals(1, d.path("spec").path("replicas").asInt(), "replicas");
        assertEquals(
                "bookinfo-" + service,
                d.path("spec")
                        .path("template")
                        .path("spec")
                        .path("serviceAccountName")
                        .asText());
    }

    /** Upstream's two labels with their values; Quarkus' app.kubernetes.io/managed-by may sit beside them. */
    private static void assertLabels(JsonNode expected, JsonNode labels, String what) {
        Map<String, String> actual = new LinkedHashMap<>();
        labels.fields()
                .forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asText()));
        expected.fields()
                .forEachRemaining(
                        e -> assertEquals(e.getValue().asText(), actual.get(e.getKey()), what + " " + e.getKey()));
        actual.keySet().removeAll(Set.of("app", "version", "app.kubernetes.io/managed-by"));
        assertEquals(Map.of(), actual, what + ": unexpected labels");
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void containerIsNamedAfterTheServiceOnPort9080WithTheBuiltImage(String service) {
        JsonNode c = container(service);
        assertEquals(service, c.path("name").asText());
        assertEquals(Bookinfo.image(service), c.path("image").asText());
        assertEquals("IfNotPresent", c.path("imagePullPolicy").asText());
        assertEquals(
                json("[{\"containerPort\":" + PORT + ",\"name\":\"http\",\"protocol\":\"TCP\"}]"), c.path("ports"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void probesUseTheSmallRyeHealthEndpoints(String service) {
        JsonNode c = container(service);
        assertEquals(
                json("{\"path\":\"/q/health/live\",\"port\":" + PORT + ",\"scheme\":\"HTTP\"}"),
                c.path("livenessProbe").path("httpGet"));
        assertEquals(
                json("{\"path\":\"/q/health/ready\",\"port\":" + PORT + ",\"scheme\":\"HTTP\"}"),
                c.path("readinessProbe").path("httpGet"));
        assertEquals(
                json("{\"path\":\"/q/health/started\",\"port\":" + PORT + ",\"scheme\":\"HTTP\"}"),
                c.path("startupProbe").path("httpGet"));
    }

    /**
     * A stopping pod first sleeps 5 s while Kubernetes takes it out of the endpoints, then gets SIGTERM and has up to
     * 10 s (quarkus.shutdown.timeout) for its requests in flight: the grace period covers both with room for the exit.
     */
    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void podStopsGracefullyAfterLeavingTheEndpoints(String service) {
        assertEquals(
                json("{\"preStop\":{\"sleep\":{\"seconds\":5}}}"),
                container(service).path("lifecycle"));
        JsonNode pod = get(manifest(service), "Deployment", service + "-v1")
                .tree()
                .path("spec")
                .path("template")
                .path("spec");
        assertEquals(30, pod.path("terminationGracePeriodSeconds").asInt(), "terminationGracePeriodSeconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void securityContextIsUpstreamPsa(String service) {
        assertEquals(json("""
                {"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"runAsNonRoot":true}"""), container(service).path("securityContext"));
    }

    @ParameterizedTest
    @CsvSource({"details, 128Mi, 240Mi", "ratings, 144Mi, 240Mi", "reviews, 144Mi, 256Mi", "productpage, 224Mi, 320Mi"})
    void resourcesAreSizedFromTheMeasuredMemoryOfEachService(String service, String request, String limit) {
        assertEquals(
                json("{\"limits\":{\"cpu\":\"1000m\",\"memory\":\"" + limit + "\"},"
                        + "\"requests\":{\"cpu\":\"50m\",\"memory\":\"" + request + "\"}}"),
                container(service).path("resources"));
    }

    /** The container's env as name to value (or to its valueFrom, as JSON). */
    private static Map<String, String> env(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        container(service)
                .path("env")
                .forEach(e -> env.put(
                        e.path("name").asText(),
                        e.has("value")
                                ? e.path("value").asText()
                                : e.path("valueFrom").toString()));
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void theJvmRunsWithExactlyTheShippedOptions(String service) {
        // JAVA_OPTS, not JAVA_OPTS_APPEND: set, it is the whole option list of the image's run-java.sh, which then
        // adds no heap percentage and no Parallel GC of its own.
        assertEquals(JvmOptionsTest.shippedAsOneLine(), env(service).get("JAVA_OPTS"));
        assertFalse(env(service).containsKey("JAVA_OPTS_APPEND"), "ignored next to JAVA_OPTS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings"})
    void detailsAndRatingsSetOnlyTheJvmOptionsAndNoVolumes(String service) {
        JsonNode c = container(service);
        assertEquals(Set.of("JAVA_OPTS"), env(service).keySet());
        assertTrue(c.path("envFrom").isMissingNode(), "envFrom: " + c.path("envFrom"));
        assertTrue(c.path("volumeMounts").isMissingNode(), "volumeMounts: " + c.path("volumeMounts"));
    }

    @Test
    void reviewsV1SetsTheTwoVariantSwitchesExplicitly() {
        assertEquals(
                Map.of(
                        "ENABLE_RATINGS",
                        "false",
                        "STAR_COLOR",
                        "black",
                        "JAVA_OPTS",
                        JvmOptionsTest.shippedAsOneLine()),
                env("reviews"));
        assertTrue(container("reviews").path("envFrom").isMissingNode());
    }

    @Test
    void productpageTakesItsAuth0SettingsFromAConfigMapAndASecret() {
        JsonNode c = container("productpage");
        assertEquals(json("""
                [{"configMapRef":{"name":"bookinfo-auth0"}},{"secretRef":{"name":"productpage-secrets"}}]"""), c.path("envFrom"));
        // Built by Kubernetes' $(VAR) expansion from the ConfigMap's keys (envFrom is defined first).
        assertEquals(
                Map.of(
                        "OIDC_AUTH_SERVER_URL",
                        "https://$(AUTH0_DOMAIN)",
                        "OIDC_AUDIENCE",
                        "$(AUTH0_AUDIENCE)",
                        "OIDC_LOGOUT",
                        "auth0",
                        "SESSION_SECRET",
                        "{\"secretKeyRef\":{\"key\":\"SESSION_SECRET\",\"name\":\"productpage-secrets\"}}",
                        "JAVA_OPTS",
                        JvmOptionsTest.shippedAsOneLine()),
                env("productpage"));
    }

    @Test
    void productpageTakesTheDemoSessionKeyFromTheSecretNeverTheBuiltInDefault() {
        // By key, not only through envFrom: a Secret without SESSION_SECRET keeps the pod from starting instead of
        // leaving productpage on its public default.
        JsonNode c = container("productpage");
        JsonNode sessionSecret = null;
        for (JsonNode e : c.path("env")) {
            if (e.path("name").asText().equals("SESSION_SECRET")) {
                sessionSecret = e;
            }
        }
        assertTrue(sessionSecret != null, "SESSION_SECRET not set by key");
        JsonNode ref = sessionSecret.path("valueFrom").path("secretKeyRef");
        assertEquals("productpage-secrets", ref.path("name").asText());
        assertEquals("SESSION_SECRET", ref.path("key").asText());
        assertFalse(ref.path("optional").asBoolean(false), "an optional key would fall back to the default");
        String manifest = Manifests.read(Bookinfo.generated("productpage"));
        assertFalse(manifest.contains(DemoSessionKey.builtInDefault()), "the public default key in the manifest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reviews", "productpage"})
    void reviewsAndProductpageMountAnEmptyDirAtTmp(String service) {
        JsonNode pod = get(manifest(service), "Deployment", service + "-v1")
                .tree()
                .path("spec")
                .path("template")
                .path("spec");
        assertEquals(json("[{\"emptyDir\":{},\"name\":\"tmp\"}]"), pod.path("volumes"));
        assertEquals(
                json("[{\"mountPath\":\"/tmp\",\"name\":\"tmp\",\"readOnly\":false}]"),
                container(service).path("volumeMounts"));
    }

    /**
     * Every pod says where its metrics are, for Istio's metrics merging and for a Prometheus that scrapes by
     * annotation: productpage at upstream's /metrics, the others at Quarkus' /q/metrics. Only pods carry them: on a
     * Service or Deployment they would make such a Prometheus scrape the same pods twice.
     */
    @ParameterizedTest
    @CsvSource({"productpage,/metrics", "details,/q/metrics", "reviews,/q/metrics", "ratings,/q/metrics"})
    void podsCarryPrometheusAnnotations(String service, String path) {
        List<Resource> resources = manifest(service);
        JsonNode annotations = get(resources, "Deployment", service + "-v1")
                .tree()
                .path("spec")
                .path("template")
                .path("metadata")
                .path("annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText());
        assertEquals(
                String.valueOf(PORT), annotations.path("prometheus.io/port").asText());
        assertEquals(path, annotations.path("prometheus.io/path").asText());
        for (Resource r : resources) {
            assertFalse(
                    r.tree().path("metadata").path("annotations").toString().contains("prometheus.io"),
                    r + ": prometheus annotations belong on the pod only");
            assertFalse("ServiceMonitor".equals(r.kind()), r + ": needs the Prometheus Operator's CRD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void outputIsReproducible(String service) {
        String text = Manifests.read(Bookinfo.generated(service));
        List<String> found = new ArrayList<>();
        for (String volatileMarker : List.of("timestamp", "commit-id", "vcs-uri", "vcs-url", "KUBERNETES_NAMESPACE")) {
            if (text.contains(volatileMarker)) {
                found.add(volatileMarker);
            }
        }
        assertEquals(List.of(), found, "build-dependent content in " + Bookinfo.generated(service));
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void deployEntryPointHoldsTheCurrentCopy(String service) {
        var copy = Manifests.root().resolve("deploy/services").resolve(service).resolve("kubernetes.yml");
        assertTrue(Files.isRegularFile(copy), copy + " missing: the deploy build copies it");
        assertEquals(
                Manifests.read(Bookinfo.generated(service)), Manifests.read(copy), copy + " is stale: rebuild deploy");
        assertFalse(Manifests.read(copy).isBlank());
    }
}
