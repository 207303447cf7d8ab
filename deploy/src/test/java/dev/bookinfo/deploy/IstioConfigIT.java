package dev.bookinfo.deploy;

import static dev.bookinfo.deploy.Bookinfo.PORT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bookinfo.deploy.Manifests.Resource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * istio/: every file parses with the fabric8 Istio, Gateway API and Kubernetes models, strictly; the references
 * between the resources and to the generated manifests hold, and the security rules mean what istio/README.md says.
 */
class IstioConfigIT {

    /** Where kustomize puts the Auth0 domain; must never survive into the rendered output. */
    private static final String UNSET_DOMAIN = "set-in-auth0-env.invalid";

    private static final Path ISTIO = Manifests.root().resolve("istio");

    private static Map<Path, List<Resource>> files;
    private static List<Resource> all;
    private static Topology topology;

    @BeforeAll
    static void load() throws IOException {
        files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(ISTIO)) {
            for (Path f : walk.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList()) {
                files.put(ISTIO.relativize(f), Manifests.validated(f));
            }
        }
        all = files.values().stream().flatMap(List::stream).toList();
        topology = Topology.load();
    }

    private static List<Resource> file(String relative) {
        List<Resource> r = files.get(Path.of(relative));
        assertTrue(r != null && !r.isEmpty(), "istio/" + relative + " missing or empty");
        return r;
    }

    private static List<Resource> kind(String kind) {
        return all.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    @Test
    void shipsEveryUpstreamSampleWeCanServe() {
        for (String name : List.of(
                "bookinfo-gateway",
                "destination-rule-all",
                "destination-rule-all-mtls",
                "destination-rule-reviews",
                "egress-rule-google-apis",
                "fault-injection-details-v1",
                "virtual-service-all-v1",
                "virtual-service-details-v2",
                "virtual-service-ratings-test-abort",
                "virtual-service-ratings-test-delay",
                "virtual-service-reviews-50-v3",
                "virtual-service-reviews-80-20",
                "virtual-service-reviews-90-10",
                "virtual-service-reviews-jason-v2-v3",
                "virtual-service-reviews-test-v2",
                "virtual-service-reviews-v2-v3",
                "virtual-service-reviews-v3",
                "virtual-service-ratings-db",
                "virtual-service-ratings-mysql",
                "virtual-service-ratings-mysql-vm")) {
            file("networking/" + name + ".yaml");
        }
        for (String name : List.of(
                "bookinfo-gateway",
                "route-all-v1",
                "route-reviews-v1",
                "route-reviews-v3",
                "route-reviews-90-10",
                "route-reviews-50-v3")) {
            file("gateway-api/" + name + ".yaml");
        }
        for (String name : List.of("peer-authentication", "auth0-authn", "auth0-authz")) {
            file("security/" + name + ".yaml");
        }
        file("auth0-egress/service-entry.yaml");
    }

    @Test
    void everyFileUsesTheCurrentApis() {
        Set<String> allowed = Set.of("networking.istio.io/v1", "security.istio.io/v1", "gateway.networking.k8s.io/v1");
        files.forEach((f, resources) -> resources.forEach(
                r -> assertTrue(allowed.contains(r.apiVersion()), f + ": " + r + " uses " + r.apiVersion())));
    }

    @Test
    void everyHostIsOneOfOurServicesOrADeclaredExternalHost() {
        Set<String> external = new TreeSet<>();
        kind("ServiceEntry").forEach(se -> se.tree().path("spec").path("hosts").forEach(h -> external.add(h.asText())));
        for (Resource vs : kind("VirtualService")) {
            boolean viaGateway = vs.tree().path("spec").has("gateways");
            for (JsonNode h : vs.tree().path("spec").path("hosts")) {
                assertTrue(
                        (viaGateway && h.asText().equals("*")) || known(h.asText(), external),
                        vs + ": unknown host " + h);
            }
            for (JsonNode route : routes(vs)) {
                String host = route.path("destination").path("host").asText();
                assertTrue(known(host, external), vs + ": unknown destination " + host);
            }
        }
        for (Resource dr : kind("DestinationRule")) {
            String host = dr.tree().path("spec").path("host").asText();
            assertTrue(known(host, external), dr + ": unknown host " + host);
        }
    }

    private static boolean known(String host, Set<String> external) {
        return topology.serviceSelectors().containsKey(host) || external.contains(host);
    }

    /** Every destination of every HTTP route (fault or not) and TLS/TCP route. */
    private static List<JsonNode> routes(Resource vs) {
        List<JsonNode> out = new ArrayList<>();
        for (String type : List.of("http", "tls", "tcp")) {
            for (JsonNode rule : vs.tree().path("spec").path(type)) {
                rule.path("route").forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void everySubsetSelectsAGeneratedDeployment() {
        for (Resource dr : kind("DestinationRule")) {
            String host = dr.tree().path("spec").path("host").asText();
            if (!topology.serviceSelectors().containsKey(host)) {
                continue; // external host: no subsets
            }
            for (JsonNode subset : dr.tree().path("spec").path("subsets")) {
                List<String> pods = topology.podsOf(host, subset.path("labels"));
                assertEquals(1, pods.size(), dr + " subset " + subset.path("name") + " selects " + pods);
                assertEquals(
                        host + "-" + subset.path("name").asText(),
                        pods.get(0),
                        dr + ": subset named after its version");
            }
        }
    }

    @Test
    void everyRoutedSubsetIsDeclared() {
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        for (Resource dr : file("networking/destination-rule-all.yaml")) {
            Set<String> names = new TreeSet<>();
            dr.tree()
                    .path("spec")
                    .path("subsets")
                    .forEach(s -> names.add(s.path("name").asText()));
            declared.put(dr.tree().path("spec").path("host").asText(), names);
        }
        for (Resource vs : kind("VirtualService")) {
            for (JsonNode route : routes(vs)) {
                JsonNode d = route.path("destination");
                if (d.has("subset")) {
                    assertTrue(
                            declared.getOrDefault(d.path("host").asText(), Set.of())
                                    .contains(d.path("subset").asText()),
                            vs + ": subset " + d + " not in destination-rule-all.yaml");
                }
            }
        }
    }

    @Test
    void everySplitAddsUpTo100() {
        for (Resource vs : kind("VirtualService")) {
            for (JsonNode rule : vs.tree().path("spec").path("http")) {
                assertSplit(vs + " " + rule.path("match"), rule.path("route"), "weight");
            }
        }
        for (Resource route : kind("HTTPRoute")) {
            for (JsonNode rule : route.tree().path("spec").path("rules")) {
                assertSplit(route.toString(), rule.path("backendRefs"), "weight");
            }
        }
    }

    private static void assertSplit(String where, JsonNode destinations, String field) {
        boolean weighted = false;
        int sum = 0;
        for (JsonNode d : destinations) {
            weighted |= d.has(field);
            sum += d.path(field).asInt(0);
        }
        if (weighted || destinations.size() > 1) {
            assertEquals(100, sum, where + ": weights");
        }
    }

    @Test
    void everyReferencedGatewayExists() {
        Set<String> gateways = new TreeSet<>();
        kind("Gateway").stream()
                .filter(g -> g.apiVersion().startsWith("networking.istio.io"))
                .forEach(g -> gateways.add(g.name()));
        for (Resource vs : kind("VirtualService")) {
            for (JsonNode g : vs.tree().path("spec").path("gateways")) {
                assertTrue(g.asText().equals("mesh") || gateways.contains(g.asText()), vs + ": gateway " + g);
            }
        }
        Set<String> apiGateways = new TreeSet<>();
        kind("Gateway").stream()
                .filter(g -> g.apiVersion().startsWith("gateway.networking.k8s.io"))
                .forEach(g -> apiGateways.add(g.name()));
        for (Resource route : kind("HTTPRoute")) {
            for (JsonNode parent : route.tree().path("spec").path("parentRefs")) {
                String kind = parent.path("kind").asText("Gateway");
                String name = parent.path("name").asText();
                if (kind.equals("Service")) {
                    assertTrue(topology.serviceSelectors().containsKey(name), route + ": parent Service " + name);
                    assertEquals(PORT, parent.path("port").asInt(), route + ": parent port");
                } else {
                    assertTrue(apiGateways.contains(name), route + ": parent Gateway " + name);
                }
            }
            for (JsonNode rule : route.tree().path("spec").path("rules")) {
                for (JsonNode backend : rule.path("backendRefs")) {
                    String name = backend.path("name").asText();
                    assertTrue(topology.serviceSelectors().containsKey(name), route + ": backend " + name);
                    assertEquals(PORT, backend.path("port").asInt(), route + ": backend port");
                }
            }
        }
    }

    @Test
    void gatewayRoutesCoverProductpagesPublicAndOidcPathsOnly() {
        Resource vs = Bookinfo.get(file("networking/bookinfo-gateway.yaml"), "VirtualService", "bookinfo");
        Resource route = Bookinfo.get(file("gateway-api/bookinfo-gateway.yaml"), "HTTPRoute", "bookinfo");
        List<String[]> vsMatches = new ArrayList<>();
        for (JsonNode rule : vs.tree().path("spec").path("http")) {
            assertEquals(
                    "productpage",
                    rule.path("route").get(0).path("destination").path("host").asText());
            assertEquals(
                    PORT,
                    rule.path("route")
                            .get(0)
                            .path("destination")
                            .path("port")
                            .path("number")
                            .asInt());
            for (JsonNode m : rule.path("match")) {
                JsonNode uri = m.path("uri");
                vsMatches.add(
                        uri.has("exact")
                                ? new String[] {"Exact", uri.path("exact").asText()}
                                : new String[] {"PathPrefix", uri.path("prefix").asText()});
            }
        }
        List<String[]> apiMatches = new ArrayList<>();
        for (JsonNode rule : route.tree().path("spec").path("rules")) {
            assertEquals(
                    "productpage", rule.path("backendRefs").get(0).path("name").asText());
            for (JsonNode m : rule.path("matches")) {
                apiMatches.add(new String[] {
                    m.path("path").path("type").asText(),
                    m.path("path").path("value").asText()
                });
            }
        }
        List<String> exposed = List.of(
                "/productpage",
                "/static/css/bookinfo.css",
                "/static/img/izzy.png",
                "/login",
                "/logout",
                redirectPath(),
                "/api/v1/products",
                "/api/v1/products/0",
                "/api/v1/products/0/reviews",
                "/api/v1/products/0/ratings");
        List<String> hidden = List.of(
                "/", "/index.html", "/health", "/metrics", "/q/health/live", "/q/metrics", "/productpage/extra");
        for (List<String[]> matches : List.of(vsMatches, apiMatches)) {
            for (String path : exposed) {
                assertTrue(covers(matches, path), path + " not routed to productpage");
            }
            for (String path : hidden) {
                assertFalse(covers(matches, path), path + " routed, but upstream keeps it inside the mesh");
            }
        }
    }

    /** The Secret both gateways take their certificate from; istio/README.md shows how to create it. */
    private static final String GATEWAY_CERTIFICATE = "bookinfo-gateway-tls";

    @Test
    void istioGatewayServesHttpsFromASecretAndRedirectsPlainHttp() {
        Resource gateway = Bookinfo.get(file("networking/bookinfo-gateway.yaml"), "Gateway", "bookinfo-gateway");
        int https = 0;
        for (JsonNode server : gateway.tree().path("spec").path("servers")) {
            String protocol = server.path("port").path("protocol").asText();
            JsonNode tls = server.path("tls");
            switch (protocol) {
                case "HTTPS" -> {
                    https++;
                    assertEquals("SIMPLE", tls.path("mode").asText(), gateway + ": TLS terminated at the gateway");
                    assertEquals(GATEWAY_CERTIFICATE, tls.path("credentialName").asText(), gateway + ": certificate");
                    assertFalse(tls.path("httpsRedirect").asBoolean(), gateway + ": HTTPS redirecting to itself");
                }
                case "HTTP" ->
                    assertTrue(
                            tls.path("httpsRedirect").asBoolean(),
                            gateway + ": plain HTTP server without httpsRedirect serves pages in the clear");
                default -> throw new AssertionError(gateway + ": unexpected server protocol " + protocol);
            }
        }
        assertEquals(1, https, gateway + ": one HTTPS server");
    }

    @Test
    void gatewayApiServesHttpsFromASecretAndOnlyRedirectsPlainHttp() {
        List<Resource> resources = file("gateway-api/bookinfo-gateway.yaml");
        Resource gateway = Bookinfo.get(resources, "Gateway", "bookinfo-gateway");
        Set<String> plain = new TreeSet<>();
        Set<String> secure = new TreeSet<>();
        for (JsonNode listener : gateway.tree().path("spec").path("listeners")) {
            String name = listener.path("name").asText();
            switch (listener.path("protocol").asText()) {
                case "HTTPS" -> {
                    secure.add(name);
                    JsonNode tls = listener.path("tls");
                    assertEquals("Terminate", tls.path("mode").asText(), gateway + " " + name);
                    assertEquals(1, tls.path("certificateRefs").size(), gateway + " " + name);
                    JsonNode ref = tls.path("certificateRefs").get(0);
                    assertEquals("Secret", ref.path("kind").asText("Secret"));
                    assertEquals("", ref.path("group").asText(""), "core group");
                    assertTrue(ref.path("namespace").isMissingNode(), "the Gateway's own namespace");
                    assertEquals(GATEWAY_CERTIFICATE, ref.path("name").asText());
                }
                case "HTTP" -> plain.add(name);
                default -> throw new AssertionError(gateway + ": unexpected listener " + listener);
            }
        }
        assertEquals(1, secure.size(), gateway + ": one HTTPS listener");
        int redirects = 0;
        for (Resource route : kind("HTTPRoute")) {
            for (JsonNode parent : route.tree().path("spec").path("parentRefs")) {
                if (!parent.path("kind").asText("Gateway").equals("Gateway")
                        || !parent.path("name").asText().equals(gateway.name())) {
                    continue;
                }
                // A parentRef without sectionName attaches the route to every listener, the plain one included.
                boolean onPlain = !parent.has("sectionName")
                        || plain.contains(parent.path("sectionName").asText());
                if (!onPlain) {
                    assertTrue(secure.contains(parent.path("sectionName").asText()), route + ": " + parent);
                    continue;
                }
                for (JsonNode rule : route.tree().path("spec").path("rules")) {
                    assertTrue(rule.path("backendRefs").isEmpty(), route + " serves a backend over plain HTTP");
                    JsonNode redirect = filter(rule, "RequestRedirect").path("requestRedirect");
                    assertEquals("https", redirect.path("scheme").asText(), route + ": redirect to https");
                    assertTrue(
                            redirect.path("hostname").isMissingNode()
                                    && redirect.path("path").isMissingNode(),
                            route + ": same host and path");
                    redirects++;
                }
            }
        }
        assertTrue(redirects > 0, "nothing redirects plain HTTP to HTTPS");
    }

    private static JsonNode filter(JsonNode rule, String type) {
        for (JsonNode f : rule.path("filters")) {
            if (f.path("type").asText().equals(type)) {
                return f;
            }
        }
        return MissingNode.getInstance();
    }

    @Test
    void gatewayRoutesDropTheForwardedHeadersAClientSends() {
        Set<String> dropped = Set.of("x-forwarded-host", "x-forwarded-port", "forwarded", "x-forwarded-for");
        int checked = 0;
        for (Resource vs : kind("VirtualService")) {
            if (!vs.tree().path("spec").has("gateways")) {
                continue;
            }
            for (JsonNode rule : vs.tree().path("spec").path("http")) {
                JsonNode request = rule.path("headers").path("request");
                assertTrue(
                        lowerCase(request.path("remove")).containsAll(dropped),
                        vs + " " + rule.path("match") + " passes on client-supplied " + dropped);
                for (String op : List.of("set", "add")) {
                    request.path(op)
                            .fieldNames()
                            .forEachRemaining(h -> assertFalse(
                                    dropped.contains(h.toLowerCase(Locale.ROOT)), vs + " " + op + "s " + h));
                }
                checked++;
            }
        }
        for (Resource route : kind("HTTPRoute")) {
            boolean viaGateway = false;
            for (JsonNode parent : route.tree().path("spec").path("parentRefs")) {
                viaGateway |= parent.path("kind").asText("Gateway").equals("Gateway");
            }
            if (!viaGateway) {
                continue;
            }
            for (JsonNode rule : route.tree().path("spec").path("rules")) {
                if (rule.path("backendRefs").isEmpty()) {
                    continue; // a redirect: nothing reaches productpage
                }
                JsonNode modifier = filter(rule, "RequestHeaderModifier").path("requestHeaderModifier");
                assertTrue(
                        lowerCase(modifier.path("remove")).containsAll(dropped),
                        route + " passes on client-supplied " + dropped);
                for (String op : List.of("set", "add")) {
                    modifier.path(op)
                            .forEach(h -> assertFalse(
                                    dropped.contains(h.path("name").asText().toLowerCase(Locale.ROOT)),
                                    route + " " + op + "s " + h));
                }
                checked++;
            }
        }
        assertEquals(2, checked, "the gateway routes of both variants");
    }

    private static Set<String> lowerCase(JsonNode names) {
        Set<String> out = new TreeSet<>();
        names.forEach(n -> out.add(n.asText().toLowerCase(Locale.ROOT)));
        return out;
    }

    @Test
    void readmeShowsHowToCreateTheCertificateSecretWhereEachGatewayLooks() {
        String readme = Manifests.read(ISTIO.resolve("README.md"));
        assertTrue(
                readme.contains("kubectl -n istio-system create secret tls " + GATEWAY_CERTIFICATE),
                "istio/README.md: the Istio Gateway's Secret lives in the ingress gateway's namespace");
        assertTrue(
                readme.contains("kubectl -n bookinfo create secret tls " + GATEWAY_CERTIFICATE),
                "istio/README.md: the Gateway API's Secret lives in the Gateway's namespace");
        assertTrue(readme.contains("openssl req -x509"), "istio/README.md: a self-signed recipe");
    }

    private static boolean covers(List<String[]> matches, String path) {
        for (String[] m : matches) {
            if (m[0].equals("Exact") ? path.equals(m[1]) : path.startsWith(m[1])) {
                return true;
            }
        }
        return false;
    }

    /** productpage's OIDC redirect path: its configured value, else the fixed /callback. */
    private static String redirectPath() {
        Path props = Manifests.root().resolve("productpage/src/main/resources/application.properties");
        Properties p = new Properties();
        if (Files.isRegularFile(props)) {
            try (Reader r = Files.newBufferedReader(props)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String path = p.getProperty(
                "%prod.quarkus.oidc.authentication.redirect-path",
                p.getProperty("quarkus.oidc.authentication.redirect-path", "/callback"));
        assertFalse(path.contains("${"), "redirect path is an expression: " + path);
        return path;
    }

    @Test
    void peerAuthenticationIsStrictForTheWholeNamespace() {
        Resource pa = Bookinfo.get(file("security/peer-authentication.yaml"), "PeerAuthentication", "default");
        assertEquals("STRICT", pa.tree().path("spec").path("mtls").path("mode").asText());
        assertTrue(pa.tree().path("spec").path("selector").isMissingNode(), "namespace-wide: no selector");
    }

    @Test
    void requestAuthenticationTakesAuth0TokensAndForwardsThem() {
        Resource ra = Bookinfo.get(file("security/auth0-authn.yaml"), "RequestAuthentication", "auth0");
        assertTrue(ra.tree().path("spec").path("selector").isMissingNode(), "namespace-wide: no selector");
        JsonNode rules = ra.tree().path("spec").path("jwtRules");
        assertEquals(1, rules.size());
        JsonNode rule = rules.get(0);
        String issuer = rule.path("issuer").asText();
        assertTrue(issuer.startsWith("https://") && issuer.endsWith("/"), "Auth0 issuer ends with /: " + issuer);
        assertEquals(issuer + ".well-known/jwks.json", rule.path("jwksUri").asText());
        assertEquals(1, rule.path("audiences").size());
        assertTrue(rule.path("forwardOriginalToken").asBoolean(), "reviews must be able to pass the token on");
        assertEquals(
                Set.of("header Authorization, prefix 'Bearer '"),
                MeshAuthorizationIT.tokenLocations(rule),
                "no ?access_token=");
    }

    /** Their structure; what the rules allow and deny, case by case, is MeshAuthorizationIT's. */
    @Test
    void backendsDemandAValidTokenFromServiceAccountsOfTheNamespace() {
        List<Resource> policies = file("security/auth0-authz.yaml");
        for (String backend : List.of("details", "reviews", "ratings")) {
            Resource p = Bookinfo.get(policies, "AuthorizationPolicy", backend + "-auth0");
            JsonNode spec = p.tree().path("spec");
            assertEquals("ALLOW", spec.path("action").asText(), p + ": an ALLOW policy denies what it does not match");
            assertEquals(
                    backend,
                    spec.path("selector").path("matchLabels").path("app").asText());
            assertEquals(1, spec.path("selector").path("matchLabels").size());
            assertFalse(topology.podsOf(backend, null).isEmpty(), p + " selects no workload");
            assertFalse(spec.path("rules").isEmpty(), p + ": no rule allows nothing at all");
            for (JsonNode rule : spec.path("rules")) {
                assertFalse(rule.path("from").isEmpty(), p + ": a rule without sources");
                for (JsonNode from : rule.path("from")) {
                    JsonNode source = from.path("source");
                    assertEquals(
                            List.of("*"),
                            Kustomize.strings(source.path("requestPrincipals")),
                            p + ": every source needs a token");
                    assertFalse(source.path("principals").isEmpty(), p + ": every source is a mesh workload");
                    for (JsonNode principal : source.path("principals")) {
                        String[] parts = principal.asText().split("/");
                        assertEquals(5, parts.length, p + ": " + principal);
                        assertEquals(
                                List.of("cluster.local", "ns", "default", "sa"),
                                List.of(parts).subList(0, 4),
                                p + ": " + principal + " (the namespace is rewritten by deploy/)");
                    }
                }
                assertFalse(rule.path("to").isEmpty(), p + ": every rule names its methods and paths");
            }
        }
        Resource pub = Bookinfo.get(policies, "AuthorizationPolicy", "productpage-public");
        assertEquals("ALLOW", pub.tree().path("spec").path("action").asText());
        assertEquals(
                "productpage",
                pub.tree()
                        .path("spec")
                        .path("selector")
                        .path("matchLabels")
                        .path("app")
                        .asText());
        assertEquals("[{}]", pub.tree().path("spec").path("rules").toString(), "productpage allows everyone");
        assertEquals(4, policies.size(), "no other policy");
    }

    @Test
    void everyPrincipalNamesAnExistingServiceAccount() {
        for (Resource p : kind("AuthorizationPolicy")) {
            for (JsonNode rule : p.tree().path("spec").path("rules")) {
                for (JsonNode from : rule.path("from")) {
                    for (String field : List.of("principals", "notPrincipals")) {
                        for (JsonNode principal : from.path("source").path(field)) {
                            String sa = principal
                                    .asText()
                                    .substring(principal.asText().lastIndexOf('/') + 1);
                            // `*`: any ServiceAccount of the namespace (Istio's prefix match).
                            assertTrue(sa.equals("*") || topology.accounts().contains(sa), p + ": " + principal);
                        }
                    }
                }
            }
        }
    }

    @Test
    void rawFilesCarryTheUnsetMarkerOnlyWhereKustomizeReplacesIt() {
        List<String> carriers = new ArrayList<>();
        files.forEach((f, resources) -> resources.forEach(r -> {
            if (r.tree().toString().contains(UNSET_DOMAIN)) {
                carriers.add(r.toString());
            }
        }));
        assertEquals(
                List.of("RequestAuthentication/auth0", "ServiceEntry/auth0"),
                carriers.stream().sorted().toList());
        assertFalse(Manifests.read(ISTIO.resolve("auth0.env.example")).contains(UNSET_DOMAIN));
    }

    @Test
    void kustomizationNamesOnlyExistingFiles() {
        JsonNode k = Kustomize.kustomization(ISTIO);
        for (String resource : Kustomize.strings(k.path("resources"))) {
            assertTrue(Files.isRegularFile(ISTIO.resolve(resource)), resource);
            assertTrue(files.containsKey(Path.of(resource)), resource + " not validated");
        }
        for (JsonNode generator : k.path("configMapGenerator")) {
            for (String env : Kustomize.strings(generator.path("envs"))) {
                assertTrue(Files.isRegularFile(ISTIO.resolve(env + ".example")), env + ".example");
            }
        }
        // The optional component, named in a comment.
        assertTrue(Manifests.read(ISTIO.resolve("kustomization.yaml")).contains("#   - auth0-egress"));
        assertEquals(
                "Component",
                Kustomize.kustomization(ISTIO.resolve("auth0-egress"))
                        .path("kind")
                        .asText());
    }

    @Test
    void renderedIstioHasTheAuth0ValuesAndNoMarker() {
        Kustomize.assumeKubectl();
        Path copy = Kustomize.copyOfCheckout();
        Properties auth0 = env(copy.resolve("istio/auth0.env"));
        String domain = auth0.getProperty("AUTH0_DOMAIN");
        String rendered = Kustomize.render(copy.resolve("istio"));
        assertFalse(rendered.contains(UNSET_DOMAIN), "a value did not flow from auth0.env");
        List<Resource> resources = Manifests.validatedYaml(rendered, "kubectl kustomize istio");
        JsonNode rule = Bookinfo.get(resources, "RequestAuthentication", "auth0")
                .tree()
                .path("spec")
                .path("jwtRules")
                .get(0);
        assertEquals("https://" + domain + "/", rule.path("issuer").asText());
        assertEquals(
                "https://" + domain + "/.well-known/jwks.json",
                rule.path("jwksUri").asText());
        assertEquals(List.of(auth0.getProperty("AUTH0_AUDIENCE")), Kustomize.strings(rule.path("audiences")));
        assertTrue(Bookinfo.find(resources, "ServiceEntry", "auth0").isEmpty(), "egress is optional");
    }

    @Test
    void optionalEgressComponentGetsTheTenantHost() throws IOException {
        Kustomize.assumeKubectl();
        Path copy = Kustomize.copyOfCheckout();
        Path k = copy.resolve("istio/kustomization.yaml");
        String text = Manifests.read(k);
        String enabled = text.replace("# components:\n#   - auth0-egress", "components:\n  - auth0-egress");
        assertFalse(enabled.equals(text), "the commented component lines changed: update README and this test");
        Files.writeString(k, enabled);
        String rendered = Kustomize.render(copy.resolve("istio"));
        assertFalse(rendered.contains(UNSET_DOMAIN));
        JsonNode se = Bookinfo.get(Manifests.validatedYaml(rendered, "istio + auth0-egress"), "ServiceEntry", "auth0")
                .tree()
                .path("spec");
        assertEquals(
                List.of(env(copy.resolve("istio/auth0.env")).getProperty("AUTH0_DOMAIN")),
                Kustomize.strings(se.path("hosts")));
        assertEquals("MESH_EXTERNAL", se.path("location").asText());
        assertEquals(
                Manifests.documents("[{number: 443, name: https, protocol: TLS}]")
                        .get(0),
                se.path("ports"));
    }

    static Properties env(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
