package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * scripts/jvm.options is the one list of JVM options the services run with. ./run-local.sh and bench/bench.py read
 * it; the Dockerfiles and the root pom (Jib images, generated Deployments)
 * cannot, so they repeat it, and this test fails when a copy differs. GeneratedManifestsIT checks what reaches the
 * Deployments.
 */
class JvmOptionsTest {

    private static final Pattern ENV_JAVA_OPTS = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"\\s*$");
    private static final Pattern ENV_JAVA_OPTS_APPEND = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=");

    /** The options, read the way the launchers read them: stripped lines, without blanks and '#' comments. */
    static List<String> shipped() {
        return Manifests.read(Manifests.root().resolve("scripts/jvm.options"))
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** As one environment value: the launchers split JAVA_OPTS on spaces. */
    static String shippedAsOneLine() {
        return String.join(" ", shipped());
    }

    private static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">")
                .matcher(Manifests.read(Manifests.root().resolve("pom.xml")));
        assertTrue(m.find(), "root pom.xml has no <" + name + ">");
        String value = m.group(1);
        assertFalse(m.find(), "more than one <" + name + "> in the root pom.xml");
        return value;
    }

    @Test
    void theFileHoldsOneOptionPerLineAndOneCollector() {
        List<String> options = shipped();
        assertFalse(options.isEmpty(), "no options");
        for (String option : options) {
            // A space inside an option would be split apart in JAVA_OPTS and by bench.py's reader.
            assertTrue(
                    option.matches("-\\S+"), "one option per line, no spaces or trailing comments: '" + option + "'");
        }
        assertEquals(
                List.of("-XX:+UseSerialGC"),
                options.stream().filter(o -> o.matches("-XX:\\+Use\\w+GC")).toList(),
                "exactly one collector, Serial GC (bench/README.md#jvm-options)");
        assertEquals(
                options.size(),
                options.stream().map(o -> o.replaceFirst("=.*", "")).distinct().count(),
                "an option given twice: " + options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void theJvmImageRunsWithExactlyTheShippedOptions(String service) {
        String dockerfile = Manifests.read(Manifests.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        Matcher m = ENV_JAVA_OPTS.matcher(dockerfile);
        assertTrue(m.find(), service + "'s Dockerfile.jvm sets no JAVA_OPTS");
        assertEquals(shippedAsOneLine(), m.group(1), service + "'s Dockerfile.jvm differs from scripts/jvm.options");
        assertFalse(m.find(), "JAVA_OPTS set twice");
        // With JAVA_OPTS set, run-java.sh ignores JAVA_OPTS_APPEND: one there would look effective and not be.
        assertFalse(ENV_JAVA_OPTS_APPEND.matcher(dockerfile).find(), "JAVA_OPTS_APPEND is ignored next to JAVA_OPTS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void theAotImageRecordsAndRunsItsCacheWithTheShippedOptions(String service) {
        String dockerfile = Manifests.read(Manifests.root().resolve("deploy/Dockerfile.jvm-aot"));
        Matcher m = ENV_JAVA_OPTS.matcher(dockerfile);
        assertTrue(m.find(), "deploy/Dockerfile.jvm-aot sets no JAVA_OPTS");
        assertEquals(shippedAsOneLine(), m.group(1), "deploy/Dockerfile.jvm-aot differs from scripts/jvm.options");
        assertFalse(m.find(), "JAVA_OPTS set twice: the cache is recorded with the first");
        assertFalse(ENV_JAVA_OPTS_APPEND.matcher(dockerfile).find(), "JAVA_OPTS_APPEND is ignored next to JAVA_OPTS");
        // The training reads the file itself, from the checkout the image is built from.
        assertTrue(
                dockerfile.contains("COPY --chown=185 scripts/jvm.options scripts/aot-train.sh /deployments/training/"),
                "the training stage takes scripts/jvm.options");
        assertTrue(
                dockerfile.contains("RUN bash /deployments/training/aot-train.sh /deployments "
                        + "/deployments/training/jvm.options"),
                "the training stage records with them");
        // Each image runs its service from where the training ran it, with the cache recorded there.
        String dir = "/deployments/" + service;
        assertTrue(
                dockerfile.contains("COPY --chown=185 " + service + "/target/quarkus-app-aot/ " + dir + "/"),
                service + " trained in " + dir);
        int from = dockerfile.indexOf("FROM base AS " + service + "\n");
        assertTrue(from >= 0, "no stage " + service);
        String stage = dockerfile.substring(from, dockerfile.indexOf("ENTRYPOINT", from));
        assertTrue(stage.contains("COPY --from=training " + dir + "/ " + dir + "/"), service + " copied unchanged");
        assertTrue(stage.contains("JAVA_APP_JAR=" + dir + "/quarkus-run.jar"), service + "'s jar");
        assertTrue(stage.contains("ENV JDK_JAVA_OPTIONS=\"-XX:AOTCache=" + dir + "/app.aot\""), service + "'s cache");
    }

    @Test
    void theRootPomCarriesTheShippedOptionsToJibAndTheDeployments() {
        assertEquals(
                shippedAsOneLine(),
                pomProperty("bookinfo.jvm.options"),
                "root pom.xml's bookinfo.jvm.options differs from scripts/jvm.options");
        assertEquals("${bookinfo.jvm.options}", pomProperty("quarkus.jib.environment-variables.JAVA_OPTS"));
        assertEquals("${bookinfo.jvm.options}", pomProperty("quarkus.kubernetes.env.vars.java-opts"));
    }
}
