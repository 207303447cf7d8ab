package dev.bookinfo.deploy;

import static dev.bookinfo.deploy.Bookinfo.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookinfo.deploy.Manifests.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/ratings-db (upstream's bookinfo-ratings-v2.yaml, bookinfo-ratings-v2-mysql.yaml, bookinfo-db.yaml and
 * bookinfo-mysql.yaml) and deploy/services/ratings-v2-mysql-vm, as {@code kubectl kustomize} renders them: the
 * workloads, their wiring to the databases, the data loaded at first start, and the policies that let only ratings v2
 * reach the databases.
 */
class RatingsDbKustomizationIT {

    private static List<Resource> rendered;

    private static synchronized List<Resource> rendered() {
        Kustomize.assumeKubectl();
        if (rendered == null) {
            Path copy = Kustomize.copyOfCheckout();
            rendered = Manifests.validatedYaml(
                    Kustomize.render(copy.resolve("deploy/ratings-db")), "kubectl kustomize deploy/ratings-db");
        }
        return rendered;
    }

    private static JsonNode container(List<Resource> resources, String deployment) {
        return get(resources, "Deployment", deployment)
                .tree()
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    private static JsonNode podSpec(List<Resource> resources, String deployment) {
        return get(resources, "Deployment", deployment)
                .tree()
                .path("spec")
                .path("template")
                .path("spec");
    }

    @Test
    void rendersTheV2WorkloadsTheirDatabasesAndPoliciesInTheBookinfoNamespace() {
        Set<String> ids = new TreeSet<>();
        for (Resource r : rendered()) {
            ids.add(r.kind() + " " + r.name());
            assertEquals("bookinfo", r.tree().path("metadata").path("namespace").asText(), r.toString());
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "ServiceAccount bookinfo-ratings-v2",
                        "Deployment ratings-v2",
                        "Service ratings-v2",
                        "Deployment ratings-v2-mysql",
                        "Service ratings-v2-mysql",
                        "Deployment mongodb-v1",
                        "Service mongodb",
                        "ConfigMap mongodb-init",
                        "Deployment mysqldb-v1",
                        "Service mysqldb",
                        "ConfigMap mysqldb-init",
                        "Secret mysql-credentials",
                        "AuthorizationPolicy mongodb-ratings-only",
                        "AuthorizationPolicy mysqldb-ratings-only")),
                ids);
    }

    /** Everything but the name, the version label, the ServiceAccount and the database settings is ratings-v1's. */
    @Test
    void theV2DeploymentsDifferFromV1OnlyByNameVersionIdentityAndTheirDatabase() {
        JsonNode v1 = get(Manifests.validated(Bookinfo.generated("ratings")), "Deployment", "ratings-v1")
                .tree();
        JsonNode v1Env = v1.path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        assertEquals(
                "[{\"name\":\"JAVA_OPTS\",\"value\":\"" + JvmOptionsTest.shippedAsOneLine() + "\"}]",
                v1Env.toString(),
                "ratings-v1's env");
        Map<String, String> env = Map.of(
                "ratings-v2", """
                        - name: SERVICE_VERSION
                          value: v2
                        - name: MONGO_DB_URL
                          value: mongodb://mongodb:27017/test
                        """,
                "ratings-v2-mysql", """
                        - name: SERVICE_VERSION
                          value: v2
                        - name: DB_TYPE
                          value: mysql
                        - name: MYSQL_DB_HOST
                          value: mysqldb
                        - name: MYSQL_DB_PORT
                          value: "3306"
                        - name: MYSQL_DB_USER
                          value: root
                        - name: MYSQL_DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: mysql-credentials
                              key: rootpasswd
                        """);
        env.forEach((name, variables) -> {
            String version = name.substring("ratings-".length());
            ObjectNode expected = Manifests.copy(v1);
            ((ObjectNode) expected.path("metadata")).put("name", name);
            ((ObjectNode) expected.path("metadata")).put("namespace", "bookinfo");
            ((ObjectNode) expected.path("metadata").path("labels")).put("version", version);
            ((ObjectNode) expected.path("spec").path("selector").path("matchLabels")).put("version", version);
            ((ObjectNode) expected.path("spec")
                            .path("template")
                            .path("metadata")
                            .path("labels"))
                    .put("version", version);
            ((ObjectNode) expected.path("spec").path("template").path("spec"))
                    .put("serviceAccountName", "bookinfo-ratings-v2");
            ((ObjectNode) expected.path("spec")
                            .path("template")
                            .path("spec")
                            .path("containers")
                            .get(0))
                    .set(
                            "env",
                            Manifests.mergedEnv(Manifests.documents(variables).get(0), v1Env));
            Manifests.assertSameTree(
                    expected, get(rendered(), "Deployment", name).tree(), name + " against ratings-v1");
        });
    }

    @Test
    void theUrlsNameTheDatabaseServicesAndPorts() {
        JsonNode mongo = get(rendered(), "Service", "mongodb").tree().path("spec");
        assertEquals(
                "mongodb://mongodb:" + mongo.path("ports").get(0).path("port").asInt() + "/test",
                value(container(rendered(), "ratings-v2"), "MONGO_DB_URL"));
        JsonNode mysql = get(rendered(), "Service", "mysqldb").tree().path("spec");
        assertEquals("mysqldb", value(container(rendered(), "ratings-v2-mysql"), "MYSQL_DB_HOST"));
        assertEquals(
                mysql.path("ports").get(0).path("port").asText(),
                value(container(rendered(), "ratings-v2-mysql"), "MYSQL_DB_PORT"));
        assertEquals(
                List.of("mongodb-v1"),
                Bookinfo.podsSelectedBy(
                        get(rendered(), "Service", "mongodb"), Bookinfo.ofKind(rendered(), "Deployment")));
        assertEquals(
                List.of("mysqldb-v1"),
                Bookinfo.podsSelectedBy(
                        get(rendered(), "Service", "mysqldb"), Bookinfo.ofKind(rendered(), "Deployment")));
        assertEquals(27017, mongo.path("ports").get(0).path("targetPort").asInt());
        assertEquals(
                27017,
                container(rendered(), "mongodb-v1")
                        .path("ports")
                        .get(0)
                        .path("containerPort")
                        .asInt());
        assertEquals(3306, mysql.path("ports").get(0).path("targetPort").asInt());
        assertEquals(
                3306,
                container(rendered(), "mysqldb-v1")
                        .path("ports")
                        .get(0)
                        .path("containerPort")
                        .asInt());
    }

    private static String value(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + container.path("env"));
    }

    /** Upstream's root password, from the Secret both the database and ratings-v2-mysql read. */
    @Test
    void theDatabaseAndRatingsShareTheRootPasswordSecret() {
        JsonNode secret = get(rendered(), "Secret", "mysql-credentials").tree();
        assertEquals("password", secret.path("stringData").path("rootpasswd").asText());
        JsonNode server = container(rendered(), "mysqldb-v1").path("env").get(0);
        assertEquals("MARIADB_ROOT_PASSWORD", server.path("name").asText());
        JsonNode ref = server.path("valueFrom").path("secretKeyRef");
        assertEquals("mysql-credentials", ref.path("name").asText());
        assertEquals("rootpasswd", ref.path("key").asText());
    }

    /** The official images run whatever /docker-entrypoint-initdb.d holds on an empty data directory. */
    @Test
    void theDatabasesLoadUpstreamsDataFromTheRatingsModuleAtFirstStart() {
        Map<String, String[]> databases = Map.of(
                "mongodb-v1", new String[] {"mongodb-init", "mongodb-init.js", "/data/db", "docker.io/library/mongo:"},
                "mysqldb-v1",
                        new String[] {"mysqldb-init", "mysqldb-init.sql", "/var/lib/mysql", "docker.io/library/mariadb:"
                        });
        databases.forEach((deployment, expected) -> {
            JsonNode configMap = get(rendered(), "ConfigMap", expected[0]).tree();
            assertEquals(
                    Manifests.read(Manifests.root().resolve("ratings/src/main/db/" + expected[1])),
                    configMap.path("data").path(expected[1]).asText(),
                    expected[0]);
            JsonNode spec = podSpec(rendered(), deployment);
            JsonNode container = container(rendered(), deployment);
            assertTrue(container.path("image").asText().startsWith(expected[3]), deployment + " official image");
            Map<String, String> mounts = new java.util.HashMap<>();
            container
                    .path("volumeMounts")
                    .forEach(m -> mounts.put(
                            m.path("mountPath").asText(), m.path("name").asText()));
            Map<String, JsonNode> volumes = new java.util.HashMap<>();
            spec.path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
            assertEquals(
                    expected[0],
                    volumes.get(mounts.get("/docker-entrypoint-initdb.d"))
                            .path("configMap")
                            .path("name")
                            .asText(),
                    deployment);
            assertTrue(volumes.get(mounts.get(expected[2])).has("emptyDir"), deployment + ": data in an emptyDir");
        });
        assertEquals(
                "[\"--ipv6\",\"--bind_ip_all\"]",
                container(rendered(), "mongodb-v1").path("args").toString());
        String sql = Manifests.read(Manifests.root().resolve("ratings/src/main/db/mysqldb-init.sql"));
        assertTrue(sql.contains("INSERT INTO ratings (ReviewID, Rating) VALUES (1, 5);"), sql);
        assertTrue(sql.contains("INSERT INTO ratings (ReviewID, Rating) VALUES (2, 4);"), sql);
        String js = Manifests.read(Manifests.root().resolve("ratings/src/main/db/mongodb-init.js"));
        assertTrue(js.contains("db.getSiblingDB(\"test\").getCollection(\"ratings\")"), js);
        assertTrue(js.contains("[{ rating: 5 }, { rating: 4 }]"), js);
    }

    /** TCP rules (ports and peers, no HTTP fields) that admit ratings v2's identity alone, on the database's port. */
    @Test
    void onlyRatingsV2MayConnectToTheDatabases() {
        Map<String, String> policies = Map.of("mongodb-ratings-only", "mongodb", "mysqldb-ratings-only", "mysqldb");
        policies.forEach((name, database) -> {
            JsonNode spec = get(rendered(), "AuthorizationPolicy", name).tree().path("spec");
            assertEquals("ALLOW", spec.path("action").asText());
            assertEquals(
                    "{\"app\":\"" + database + "\"}",
                    spec.path("selector").path("matchLabels").toString());
            assertTrue(
                    Bookinfo.selects(
                            spec.path("selector").path("matchLabels"),
                            get(rendered(), "Deployment", database + "-v1")
                                    .tree()
                                    .path("spec")
                                    .path("template")
                                    .path("metadata")
                                    .path("labels")),
                    name + " selects the database pod");
            assertEquals(1, spec.path("rules").size(), name);
            JsonNode rule = spec.path("rules").get(0);
            assertEquals(
                    "[{\"source\":{\"principals\":[\"cluster.local/ns/bookinfo/sa/bookinfo-ratings-v2\"]}}]",
                    rule.path("from").toString(),
                    name);
            int port = get(rendered(), "Service", database)
                    .tree()
                    .path("spec")
                    .path("ports")
                    .get(0)
                    .path("targetPort")
                    .asInt();
            assertEquals(
                    "[{\"operation\":{\"ports\":[\"" + port + "\"]}}]",
                    rule.path("to").toString(),
                    name);
        });
        for (String deployment : List.of("ratings-v2", "ratings-v2-mysql")) {
            assertEquals(
                    "bookinfo-ratings-v2",
                    podSpec(rendered(), deployment).path("serviceAccountName").asText());
        }
        get(rendered(), "ServiceAccount", "bookinfo-ratings-v2");
    }

    @Test
    void theNamespaceFlowsIntoThePrincipals() throws java.io.IOException {
        Kustomize.assumeKubectl();
        Path copy = Kustomize.copyOfCheckout();
        Path k = copy.resolve("deploy/ratings-db/kustomization.yaml");
        String text = Manifests.read(k);
        assertTrue(text.contains("\nnamespace: bookinfo\n"));
        java.nio.file.Files.writeString(k, text.replace("\nnamespace: bookinfo\n", "\nnamespace: shop\n"));
        String shop = Kustomize.render(copy.resolve("deploy/ratings-db"));
        assertFalse(shop.contains("/ns/bookinfo/"), "a principal kept namespace bookinfo");
        assertEquals(2, shop.split("cluster.local/ns/shop/sa/bookinfo-ratings-v2", -1).length - 1, shop);
    }

    /** Upstream's bookinfo-ratings-v2-mysql-vm.yaml: the MySQL of a virtual machine in the mesh. */
    @Test
    void theVmVariantReadsMysqlOnTheVirtualMachine() {
        Kustomize.assumeKubectl();
        Path copy = Kustomize.copyOfCheckout();
        List<Resource> vm = Manifests.validatedYaml(
                Kustomize.render(copy.resolve("deploy/services/ratings-v2-mysql-vm")),
                "kubectl kustomize deploy/services/ratings-v2-mysql-vm");
        Set<String> ids = new TreeSet<>();
        vm.forEach(r -> ids.add(r.kind() + " " + r.name()));
        assertEquals(Set.of("Deployment ratings-v2-mysql-vm", "Service ratings-v2-mysql-vm"), ids);
        JsonNode deployment = get(vm, "Deployment", "ratings-v2-mysql-vm").tree();
        assertEquals(
                "v2-mysql-vm",
                deployment
                        .path("spec")
                        .path("template")
                        .path("metadata")
                        .path("labels")
                        .path("version")
                        .asText());
        JsonNode container = deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
        assertEquals("mysqldb.vm.svc.cluster.local", value(container, "MYSQL_DB_HOST"));
        assertEquals("mysql", value(container, "DB_TYPE"));
        ArrayNode env = (ArrayNode) container.path("env");
        assertEquals(7, env.size(), env.toString()); // the six of the database, and ratings-v1's JVM options
        assertEquals(JvmOptionsTest.shippedAsOneLine(), value(container, "JAVA_OPTS"));
    }
}
