package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookinfo.deploy.Manifests.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The workloads the Istio configuration may refer to, computed without a cluster and without kubectl: the four
 * generated manifests plus the variants deploy/services/{reviews-v2,reviews-v3,details-v2,ratings-v2*} derive from
 * them (the v1 Deployment and per-version Service with the version the variant's patches set), and the databases and
 * ServiceAccount of deploy/ratings-db.
 */
record Topology(Map<String, JsonNode> serviceSelectors, Map<String, JsonNode> podLabels, TreeSet<String> accounts) {

    static Topology load() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        Map<String, JsonNode> pods = new LinkedHashMap<>();
        TreeSet<String> accounts = new TreeSet<>();
        Map<String, List<Resource>> generated = new LinkedHashMap<>();
        for (String svc : Bookinfo.SERVICES) {
            List<Resource> resources = Manifests.validated(Bookinfo.generated(svc));
            generated.put(svc, resources);
            for (Resource r : resources) {
                switch (r.kind()) {
                    case "Service" ->
                        services.put(r.name(), r.tree().path("spec").path("selector"));
                    case "Deployment" ->
                        pods.put(
                                r.name(),
                                r.tree()
                                        .path("spec")
                                        .path("template")
                                        .path("metadata")
                                        .path("labels"));
                    case "ServiceAccount" -> accounts.add(r.name());
                    default -> {}
                }
            }
        }
        Path variants = Manifests.root().resolve("deploy/services");
        for (String variant : List.of(
                "reviews-v2", "reviews-v3", "details-v2", "ratings-v2", "ratings-v2-mysql", "ratings-v2-mysql-vm")) {
            String svc = variant.substring(0, variant.indexOf('-'));
            String version = variantVersion(variants.resolve(variant));
            ObjectNode labels = (ObjectNode) pods.get(svc + "-v1").deepCopy();
            labels.put("version", version);
            pods.put(svc + "-" + version, labels);
            ObjectNode selector = (ObjectNode) services.get(svc + "-v1").deepCopy();
            selector.put("version", version);
            services.put(svc + "-" + version, selector);
        }
        for (String database : List.of("mongodb", "mysqldb")) {
            for (Resource r : Manifests.validated(
                    Manifests.root().resolve("deploy/databases/" + database + "/" + database + ".yaml"))) {
                switch (r.kind()) {
                    case "Service" ->
                        services.put(r.name(), r.tree().path("spec").path("selector"));
                    case "Deployment" ->
                        pods.put(
                                r.name(),
                                r.tree()
                                        .path("spec")
                                        .path("template")
                                        .path("metadata")
                                        .path("labels"));
                    default -> {}
                }
            }
        }
        Manifests.validated(Manifests.root().resolve("deploy/ratings-db/serviceaccount.yaml"))
                .forEach(r -> accounts.add(r.name()));
        return new Topology(services, pods, accounts);
    }

    /** The value the variant's JSON patch gives the pod template's {@code version} label. */
    static String variantVersion(Path dir) {
        for (JsonNode patch : Kustomize.kustomization(dir).path("patches")) {
            for (JsonNode doc : Manifests.documents(patch.path("patch").asText())) {
                if (!doc.isArray()) {
                    continue;
                }
                for (JsonNode op : doc) {
                    if (op.path("path").asText().equals("/spec/template/metadata/labels/version")) {
                        return op.path("value").asText();
                    }
                }
            }
        }
        throw new AssertionError(dir + ": no patch sets the pod's version label");
    }

    /** Deployments whose pods the Service selects, further narrowed by extra labels (a subset's). */
    List<String> podsOf(String service, JsonNode extraLabels) {
        JsonNode selector = serviceSelectors.get(service);
        assertNotNull(selector, "no Service " + service);
        ObjectNode combined = (ObjectNode) selector.deepCopy();
        if (extraLabels != null) {
            extraLabels.fields().forEachRemaining(e -> combined.set(e.getKey(), e.getValue()));
        }
        List<String> out = new ArrayList<>();
        podLabels.forEach((name, labels) -> {
            if (Bookinfo.selects(combined, labels)) {
                out.add(name);
            }
        });
        return out;
    }
}
