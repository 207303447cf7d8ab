package dev.bookinfo.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookinfo.deploy.Manifests.Resource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What the manifests must describe: upstream platform/kube/bookinfo.yaml's names, labels and ports. */
final class Bookinfo {

    static final List<String> SERVICES = List.of("details", "ratings", "reviews", "productpage");

    static final int PORT = 9080;

    private Bookinfo() {}

    /** target/kubernetes/kubernetes.yml of a service module, as quarkus-kubernetes wrote it at package time. */
    static Path generated(String service) {
        Path servicesRoot = Path.of(
                System.getProperty("bookinfo.services.root", Manifests.root().toString()));
        return servicesRoot
                .resolve(service)
                .resolve("target/kubernetes/kubernetes.yml")
                .toAbsolutePath()
                .normalize();
    }

    /** The image the build put into the manifests: the quarkus.container-image.* coordinates. */
    static String image(String service) {
        String registry = System.getProperty("quarkus.container-image.registry", "docker.io");
        String group = System.getProperty("quarkus.container-image.group", "bookinfo");
        String tag = System.getProperty("quarkus.container-image.tag", System.getProperty("bookinfo.version"));
        return registry + "/" + group + "/" + service + ":" + tag;
    }

    static Optional<Resource> find(List<Resource> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.kind().equals(kind) && r.name().equals(name))
                .findFirst();
    }

    static Resource get(List<Resource> resources, String kind, String name) {
        return find(resources, kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + resources));
    }

    static List<Resource> ofKind(List<Resource> resources, String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    /** Does a label selector (matchLabels or a Service selector) select these pod labels? */
    static boolean selects(JsonNode selector, JsonNode podLabels) {
        if (selector == null || selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        var it = selector.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** Names of the Deployments whose pods the Service selects. */
    static List<String> podsSelectedBy(Resource service, List<Resource> deployments) {
        JsonNode selector = service.tree().path("spec").path("selector");
        List<String> out = new ArrayList<>();
        for (Resource d : deployments) {
            if (selects(
                    selector,
                    d.tree().path("spec").path("template").path("metadata").path("labels"))) {
                out.add(d.name());
            }
        }
        return out;
    }

    static Predicate<Resource> kind(String kind) {
        return r -> r.kind().equals(kind);
    }
}
