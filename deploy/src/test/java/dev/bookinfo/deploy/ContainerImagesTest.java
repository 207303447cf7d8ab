package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Dockerfiles of the services: pinned small bases, a numeric non-root user (runAsNonRoot), curl in ratings. */
class ContainerImagesTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$");

    private static String dockerfile(String service, String variant) {
        Path file = Manifests.root().resolve(service).resolve("src/main/docker/Dockerfile." + variant);
        assertTrue(Files.isRegularFile(file), file + " missing");
        return Manifests.read(file);
    }

    private static String only(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), "no " + what);
        String value = m.group(1);
        assertFalse(m.find(), "more than one " + what);
        return value;
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void jvmImageRunsOnThePinnedJava25RuntimeAsANumericNonRootUser(String service) {
        String text = dockerfile(service, "jvm");
        assertEquals("registry.access.redhat.com/ubi9/openjdk-25-runtime:1.24", only(FROM, text, "FROM"));
        assertEquals("185", only(USER, text, "USER"));
        assertTrue(text.contains("EXPOSE 9080"), "port 9080");
        assertTrue(text.contains("/deployments/quarkus-run.jar"), "runs the fast-jar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "reviews", "productpage"})
    void nativeImageRunsOnTheMicroImageAsANumericNonRootUser(String service) {
        String text = dockerfile(service, "native");
        assertEquals("quay.io/quarkus/ubi9-quarkus-micro-image:2.0", only(FROM, text, "FROM"));
        assertEquals("1001", only(USER, text, "USER"));
        assertTrue(text.contains("EXPOSE 9080"), "port 9080");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jvm", "native"})
    void ratingsImagesShipCurlForIstiosDocs(String variant) {
        String text = dockerfile("ratings", variant);
        assertTrue(text.contains("RUN curl --version"), "the build proves curl is there");
        String from = only(FROM, text, "FROM");
        assertTrue(
                List.of(
                                "registry.access.redhat.com/ubi9/openjdk-25-runtime:1.24",
                                "registry.access.redhat.com/ubi9/ubi-minimal:9.6")
                        .contains(from),
                "ubi-minimal based: " + from);
        assertTrue(Integer.parseInt(only(USER, text, "USER")) > 0, "non-root");
    }
}
