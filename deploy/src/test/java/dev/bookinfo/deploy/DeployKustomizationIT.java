package dev.bookinfo.deploy;

import static dev.bookinfo.deploy.Bookinfo.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookinfo.deploy.Manifests.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The deploy entry point (deploy/kustomization.yaml): what it names, and what `kubectl kustomize` makes of it. */
class DeployKustomizationIT {

    private static final Path DEPLOY = Manifests.root().resolve("deploy");

    @Test
    void everyFileTheEntryPointNamesExistsAndParses() {
        List<Path> visited = new ArrayList<>();
        walk(DEPLOY, visited);
        // The optional pieces are not named by the entry point, but documented: check them the same way.
        walk(DEPLOY.resolve("services/details-v2"), visited);
        walk(DEPLOY.resolve("ratings-db"), visited);
        walk(DEPLOY.resolve("services/ratings-v2-mysql-vm"), visited);
        walk(Manifests.root().resolve("istio/auth0-egress"), visited);
        for (String expected : List.of(
                "deploy",
                "deploy/services/details",
                "deploy/services/ratings",
                "deploy/services/reviews",
                "deploy/services/reviews-v2",
                "deploy/services/reviews-v3",
                "deploy/services/productpage",
                "istio",
                "deploy/services/details-v2",
                "istio/auth0-egress",
                "deploy/ratings-db",
                "deploy/services/ratings-v2",
                "deploy/services/ratings-v2-mysql",
                "deploy/databases/mongodb",
                "deploy/databases/mysqldb",
                "istio/ratings-db",
                "deploy/services/ratings-v2-mysql-vm")) {
            assertTrue(visited.contains(Manifests.root().resolve(expected)), expected + " not reached");
        }
    }

    /** Checks one kustomization and recurses into the directories it includes. */
    private static void walk(Path dir, List<Path> visited) {
        if (visited.contains(dir)) {
            return;
        }
        visited.add(dir);
        JsonNode k = Kustomize.kustomization(dir);
        assertTrue(Set.of("Kustomization", "Component").contains(k.path("kind").asText()), dir + ": kind");
        for (String field : List.of("resources", "components")) {
            for (String entry : Kustomize.strings(k.path(field))) {
                Path p = dir.resolve(entry).normalize();
                if (Files.isDirectory(p)) {
                    walk(p, visited);
                } else {
                    assertTrue(Files.isRegularFile(p), dir + ": " + entry + " missing");
                    assertFalse(Manifests.validated(p).isEmpty(), p + " is empty");
                }
            }
        }
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            for (JsonNode g : k.path(generator)) {
                for (String file : Kustomize.strings(g.path("files"))) {
                    assertTrue(Files.isRegularFile(dir.resolve(file)), dir + ": " + file + " missing (./mvnw package)");
                }
                for (String env : Kustomize.strings(g.path("envs"))) {
                    // The settings files are git-ignored; their committed examples must exist and parse.
                    Path example = dir.resolve(env + ".example");
                    assertTrue(Files.isRegularFile(example), example + " missing");
                    Properties p = IstioConfigIT.env(example);
                    assertFalse(p.isEmpty(), example + " defines nothing");
                }
            }
        }
        for (JsonNode patch : k.path("patches")) {
            assertFalse(Manifests.documents(patch.path("patch").asText()).isEmpty(), dir + ": empty patch");
        }
    }

    private static List<Resource> rendered;

    private static synchronized List<Resource> rendered() {
        Kustomize.assumeKubectl();
        if (rendered == null) {
            Path copy = Kustomize.copyOfCheckout();
            rendered = Manifests.validatedYaml(Kustomize.render(copy.resolve("deploy")), "kubectl kustomize deploy");
        }
        return rendered;
    }

    @Test
    void rendersExactlyTheSuiteAndItsMeshConfiguration() {
        Set<String> ids = new TreeSet<>();
        for (Resource r : rendered()) {
            String name = r.name().replaceAll("-[a-z0-9]{10}$", "-<hash>");
            ids.add(r.kind() + " " + name);
        }
        Set<String> expected = new TreeSet<>(List.of(
                "Namespace bookinfo",
                "ServiceAccount bookinfo-details",
                "ServiceAccount bookinfo-ratings",
                "ServiceAccount bookinfo-reviews",
                "ServiceAccount bookinfo-productpage",
                "Service details",
                "Service ratings",
                "Service reviews",
                "Service productpage",
                "Service details-v1",
                "Service ratings-v1",
                "Service reviews-v1",
                "Service reviews-v2",
                "Service reviews-v3",
                "Service productpage-v1",
                "Deployment details-v1",
                "Deployment ratings-v1",
                "Deployment reviews-v1",
                "Deployment reviews-v2",
                "Deployment reviews-v3",
                "Deployment productpage-v1",
                "ConfigMap bookinfo-auth0-<hash>",
                "Secret productpage-secrets-<hash>",
                "Gateway bookinfo-gateway",
                "VirtualService bookinfo",
                "DestinationRule details",
                "DestinationRule ratings",
                "DestinationRule reviews",
                "DestinationRule productpage",
                "PeerAuthentication default",
                "RequestAuthentication auth0",
                "AuthorizationPolicy details-auth0",
                "AuthorizationPolicy reviews-auth0",
                "AuthorizationPolicy ratings-auth0",
                "AuthorizationPolicy productpage-public"));
        assertEquals(expected, ids);
    }

    @Test
    void everythingLandsInTheOneNamespace() {
        for (Resource r : rendered()) {
            if (r.kind().equals("Namespace")) {
                assertEquals("bookinfo", r.name());
                assertEquals(
                        "enabled",
                        r.tree()
                                .path("metadata")
                                .path("labels")
                                .path("istio-injection")
                                .asText());
            } else {
                assertEquals(
                        "bookinfo", r.tree().path("metadata").path("namespace").asText(), r.toString());
            }
        }
    }

    @Test
    void servicesSelectExactlyTheIntendedPods() {
        List<Resource> deployments = Bookinfo.ofKind(rendered(), "Deployment");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("details", List.of("details-v1"));
        expected.put("ratings", List.of("ratings-v1"));
        expected.put("reviews", List.of("reviews-v1", "reviews-v2", "reviews-v3"));
        expected.put("productpage", List.of("productpage-v1"));
        for (String v :
                List.of("details-v1", "ratings-v1", "reviews-v1", "reviews-v2", "reviews-v3", "productpage-v1")) {
            expected.put(v, List.of(v));
        }
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (String service : expected.keySet()) {
            List<String> pods =
                    new ArrayList<>(Bookinfo.podsSelectedBy(get(rendered(), "Service", service), deployments));
            pods.sort(null);
            actual.put(service, pods);
        }
        assertEquals(expected, actual);
        for (Resource d : deployments) {
            assertTrue(
                    Bookinfo.selects(
                            d.tree().path("spec").path("selector").path("matchLabels"),
                            d.tree()
                                    .path("spec")
                                    .path("template")
                                    .path("metadata")
                                    .path("labels")),
                    d + " own pods");
            for (Resource other : deployments) {
                if (other != d) {
                    assertFalse(
                            Bookinfo.selects(
                                    d.tree().path("spec").path("selector").path("matchLabels"),
                                    other.tree()
                                            .path("spec")
                                            .path("template")
                                            .path("metadata")
                                            .path("labels")),
                            d + " selects the pods of " + other);
                }
            }
        }
    }

    @Test
    void reviewsV2AndV3DifferFromV1OnlyByNameVersionAndTheirEnv() {
        JsonNode v1 = get(rendered(), "Deployment", "reviews-v1").tree();
        JsonNode v1Env = v1.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        assertEquals(
                "[{\"name\":\"ENABLE_RATINGS\",\"value\":\"false\"},{\"name\":\"JAVA_OPTS\",\"value\":\""
                        + JvmOptionsTest.shippedAsOneLine() + "\"},{\"name\":\"STAR_COLOR\",\"value\":\"black\"}]",
                v1Env.toString());
        for (String[] variant : List.of(new String[] {"v2", "black"}, new String[] {"v3", "red"})) {
            ObjectNode expected = Manifests.copy(v1);
            String version = variant[0];
            ((ObjectNode) expected.path("metadata")).put("name", "reviews-" + version);
            ((ObjectNode) expected.path("metadata").path("labels")).put("version", version);
            ((ObjectNode) expected.path("spec").path("selector").path("matchLabels")).put("version", version);
            ((ObjectNode) expected.path("spec")
                            .path("template")
                            .path("metadata")
                            .path("labels"))
                    .put("version", version);
            ((ObjectNode) expected.path("spec")
                            .path("template")
                            .path("spec")
                            .path("containers")
                            .get(0))
                    .set(
                            "env",
                            Manifests.mergedEnv(
                                    Manifests.documents("""
                            - name: ENABLE_RATINGS
                              value: "true"
                            - name: STAR_COLOR
                              value: %s
                            """.formatted(variant[1]))
                                            .get(0),
                                    v1Env));
            Manifests.assertSameTree(
                    expected,
                    get(rendered(), "Deployment", "reviews-" + version).tree(),
                    "reviews-" + version + " against reviews-v1");
        }
    }

    @Test
    void detailsV2DiffersFromV1OnlyByNameVersionAndTheGoogleBooksSwitch() {
        Kustomize.assumeKubectl();
        Path copy = Kustomize.copyOfCheckout();
        List<Resource> v2 = Manifests.validatedYaml(
                Kustomize.render(copy.resolve("deploy/services/details-v2")),
                "kubectl kustomize deploy/services/details-v2");
        Set<String> ids = new TreeSet<>();
        v2.forEach(r -> ids.add(r.kind() + " " + r.name()));
        assertEquals(Set.of("Deployment details-v2", "Service details-v2"), ids);
        ObjectNode expected = Manifests.copy(
                Bookinfo.get(Manifests.validated(Bookinfo.generated("details")), "Deployment", "details-v1")
                        .tree());
        ((ObjectNode) expected.path("metadata")).put("name", "details-v2");
        ((ObjectNode) expected.path("metadata").path("labels")).put("version", "v2");
        ((ObjectNode) expected.path("spec").path("selector").path("matchLabels")).put("version", "v2");
        ((ObjectNode) expected.path("spec").path("template").path("metadata").path("labels")).put("version", "v2");
        ObjectNode container = (ObjectNode) expected.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        container.set("env", Manifests.mergedEnv(Manifests.documents("""
                - name: ENABLE_EXTERNAL_BOOK_SERVICE
                  value: "true"
                """).get(0), container.path("env")));
        // HTTPS to Google Books from details itself: the plain-HTTP opt-in is not the shipped default.
        assertFalse(get(v2, "Deployment", "details-v2").tree().toString().contains("DO_NOT_ENCRYPT"));
        Manifests.assertSameTree(expected, get(v2, "Deployment", "details-v2").tree(), "details-v2");
        assertEquals(
                "{\"app\":\"details\",\"version\":\"v2\"}",
                get(v2, "Service", "details-v2")
                        .tree()
                        .path("spec")
                        .path("selector")
                        .toString());
    }

    @Test
    void productpageReadsTheGeneratedConfigMapAndSecret() {
        JsonNode envFrom = get(rendered(), "Deployment", "productpage-v1")
                .tree()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("envFrom");
        Resource configMap = Bookinfo.ofKind(rendered(), "ConfigMap").get(0);
        Resource secret = Bookinfo.ofKind(rendered(), "Secret").get(0);
        assertEquals(
                configMap.name(),
                envFrom.get(0).path("configMapRef").path("name").asText());
        assertEquals(
                secret.name(), envFrom.get(1).path("secretRef").path("name").asText());
        Properties auth0 = IstioConfigIT.env(Manifests.root().resolve("istio/auth0.env.example"));
        assertEquals(
                auth0.getProperty("AUTH0_DOMAIN"),
                configMap.tree().path("data").path("AUTH0_DOMAIN").asText());
        assertEquals(
                auth0.getProperty("AUTH0_AUDIENCE"),
                configMap.tree().path("data").path("AUTH0_AUDIENCE").asText());
        Properties oidc = IstioConfigIT.env(DEPLOY.resolve("productpage-secrets.env.example"));
        Set<String> keys = new TreeSet<>();
        secret.tree().path("data").fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(oidc.stringPropertyNames()), keys);
        for (String key : keys) {
            assertEquals(
                    oidc.getProperty(key),
                    new String(Base64.getDecoder()
                            .decode(secret.tree().path("data").path(key).asText())),
                    key);
        }
    }

    @Test
    void productpageTakesTheDemoSessionKeyFromTheGeneratedSecretNeverTheBuiltInDefault() {
        String builtIn = DemoSessionKey.builtInDefault();
        Resource secret = Bookinfo.ofKind(rendered(), "Secret").get(0);
        JsonNode container = get(rendered(), "Deployment", "productpage-v1")
                .tree()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        List<JsonNode> settings = new ArrayList<>();
        container.path("env").forEach(e -> {
            if (e.path("name").asText().equals(DemoSessionKey.VARIABLE)) {
                settings.add(e);
            }
        });
        assertEquals(1, settings.size(), "productpage sets " + DemoSessionKey.VARIABLE + " by key");
        JsonNode ref = settings.get(0).path("valueFrom").path("secretKeyRef");
        assertEquals(secret.name(), ref.path("name").asText(), "the generated (hash-named) Secret");
        assertEquals(DemoSessionKey.VARIABLE, ref.path("key").asText());
        assertFalse(settings.get(0).has("value"), "a literal key in the manifest");
        String value = new String(Base64.getDecoder()
                .decode(secret.tree().path("data").path(DemoSessionKey.VARIABLE).asText()));
        assertFalse(value.isEmpty(), "the Secret has no " + DemoSessionKey.VARIABLE);
        assertFalse(value.equals(builtIn));
        String encoded = Base64.getEncoder().encodeToString(builtIn.getBytes());
        for (Resource r : rendered()) {
            assertFalse(
                    r.tree().toString().contains(builtIn) || r.tree().toString().contains(encoded),
                    r + " carries productpage's public demo session key");
        }
        // The operator's file wins: whatever it says is what the pod gets.
        Path copy = Kustomize.copyOfCheckout();
        Path env = copy.resolve("deploy/productpage-secrets.env");
        String own = "k3Zq0n0tTheExample0f4nyb0dy+Xy1w2v3u4t5s6r7q=";
        try {
            Files.writeString(
                    env,
                    Manifests.read(env)
                            .replaceAll(
                                    "(?m)^" + DemoSessionKey.VARIABLE + "=.*$",
                                    DemoSessionKey.VARIABLE + "=" + own.replace("+", "\\+")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Resource mine = Bookinfo.ofKind(
                        Manifests.validatedYaml(Kustomize.render(copy.resolve("deploy")), "own key"), "Secret")
                .get(0);
        assertEquals(
                own,
                new String(Base64.getDecoder()
                        .decode(mine.tree()
                                .path("data")
                                .path(DemoSessionKey.VARIABLE)
                                .asText())));
    }

    @Test
    void anOptionalPublicUrlInAuth0EnvReachesProductpage() throws IOException {
        // Commented out in the example (productpage then derives the URL from the request); uncommented, it lands in
        // the ConfigMap productpage reads as environment.
        Path copy = Kustomize.copyOfCheckout();
        Path env = copy.resolve("istio/auth0.env");
        String text = Manifests.read(env);
        String line = "PUBLIC_URL=https://bookinfo.example.com";
        String enabled = text.replace("# " + line, line);
        assertFalse(
                enabled.equals(text), "the commented PUBLIC_URL line changed: update istio/README.md and this test");
        assertFalse(get(rendered(), "Deployment", "productpage-v1")
                .tree()
                .toString()
                .contains("PUBLIC_URL"));
        Files.writeString(env, enabled);
        List<Resource> resources = Manifests.validatedYaml(Kustomize.render(copy.resolve("deploy")), "PUBLIC_URL");
        Resource configMap = Bookinfo.ofKind(resources, "ConfigMap").get(0);
        assertEquals(
                "https://bookinfo.example.com",
                configMap.tree().path("data").path("PUBLIC_URL").asText());
        assertEquals(
                configMap.name(),
                get(resources, "Deployment", "productpage-v1")
                        .tree()
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0)
                        .path("envFrom")
                        .get(0)
                        .path("configMapRef")
                        .path("name")
                        .asText());
    }

    @Test
    void theExampleSessionKeysArePlaceholders() {
        // productpage refuses to start with a session key starting with "replace-with" (its SignInSettingsCheck), so
        // a copied example stops the pod rather than running on a key everybody can read here.
        Properties example = IstioConfigIT.env(DEPLOY.resolve("productpage-secrets.env.example"));
        for (String key : List.of("SESSION_ENCRYPTION_KEY", DemoSessionKey.VARIABLE)) {
            assertTrue(example.getProperty(key, "").startsWith("replace-with"), key + ": " + example.getProperty(key));
        }
        assertFalse(example.containsValue(DemoSessionKey.builtInDefault()));
    }

    @Test
    void auth0ValuesAndTheNamespaceFlowIntoTheMeshConfiguration() {
        Properties auth0 = IstioConfigIT.env(Manifests.root().resolve("istio/auth0.env.example"));
        JsonNode rule = get(rendered(), "RequestAuthentication", "auth0")
                .tree()
                .path("spec")
                .path("jwtRules")
                .get(0);
        assertEquals(
                "https://" + auth0.getProperty("AUTH0_DOMAIN") + "/",
                rule.path("issuer").asText());
        assertTrue(rule.path("issuer").asText().endsWith("/"));
        assertEquals(
                "https://" + auth0.getProperty("AUTH0_DOMAIN") + "/.well-known/jwks.json",
                rule.path("jwksUri").asText());
        assertEquals(
                "[\"" + auth0.getProperty("AUTH0_AUDIENCE") + "\"]",
                rule.path("audiences").toString());
        List<String> principals = new ArrayList<>();
        for (Resource p : Bookinfo.ofKind(rendered(), "AuthorizationPolicy")) {
            p.tree()
                    .path("spec")
                    .path("rules")
                    .forEach(rule2 -> rule2.path("from")
                            .forEach(from ->
                                    from.path("source").path("principals").forEach(x -> principals.add(x.asText()))));
        }
        assertFalse(principals.isEmpty());
        Set<String> accounts = new TreeSet<>();
        Bookinfo.ofKind(rendered(), "ServiceAccount").forEach(sa -> accounts.add(sa.name()));
        for (String principal : principals) {
            assertTrue(principal.startsWith("cluster.local/ns/bookinfo/sa/"), principal);
            String sa = principal.substring(principal.lastIndexOf('/') + 1);
            assertTrue(sa.equals("*") || accounts.contains(sa), principal);
        }
        // By meaning: the rendered rules admit the callers of namespace bookinfo, and no longer those of default.
        List<Resource> policies = Bookinfo.ofKind(rendered(), "AuthorizationPolicy");
        Map<String, Object> writer = Map.of(
                "iss", rule.path("issuer").asText(), "sub", "auth0|6123", "permissions", List.of("write:ratings"));
        Map<String, String> ratings = Map.of("app", "ratings", "version", "v1");
        for (String ns : List.of("bookinfo", "default")) {
            String peer = "cluster.local/ns/" + ns + "/sa/";
            boolean expected = ns.equals("bookinfo");
            assertEquals(
                    expected,
                    MeshAuthorization.allowed(
                            policies,
                            Map.of("app", "details", "version", "v1"),
                            new MeshAuthorization.Request(peer + "bookinfo-productpage", "GET", "/details/0", writer)),
                    ns);
            assertEquals(
                    expected,
                    MeshAuthorization.allowed(
                            policies,
                            ratings,
                            new MeshAuthorization.Request(peer + "bookinfo-reviews", "GET", "/ratings/0", writer)),
                    ns);
            assertEquals(
                    expected,
                    MeshAuthorization.allowed(
                            policies,
                            ratings,
                            new MeshAuthorization.Request(peer + "bookinfo-ratings", "POST", "/ratings/0", writer)),
                    ns);
        }
        for (Resource r : rendered()) {
            assertFalse(r.tree().toString().contains("set-in-auth0-env.invalid"), r + " kept the unset marker");
        }
    }

    @Test
    void theNamespaceIsGivenOnce() throws IOException {
        Kustomize.assumeKubectl();
        Path copy = Kustomize.copyOfCheckout();
        Path k = copy.resolve("deploy/kustomization.yaml");
        String text = Manifests.read(k);
        assertTrue(text.contains("\nnamespace: bookinfo\n"));
        Files.writeString(k, text.replace("\nnamespace: bookinfo\n", "\nnamespace: shop\n"));
        List<Resource> shop = Manifests.validatedYaml(Kustomize.render(copy.resolve("deploy")), "namespace shop");
        for (Resource r : shop) {
            if (!r.kind().equals("Namespace")) {
                assertEquals("shop", r.tree().path("metadata").path("namespace").asText(), r.toString());
            }
        }
        String all = shop.stream().map(r -> r.tree().toString()).reduce("", String::concat);
        assertFalse(all.contains("/ns/bookinfo/"), "a principal kept namespace bookinfo");
        assertTrue(all.contains("cluster.local/ns/shop/sa/bookinfo-reviews"));
        assertEquals("shop", get(shop, "Namespace", "shop").name());
    }
}
