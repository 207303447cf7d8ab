package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Renders kustomizations with {@code kubectl kustomize} (offline), on a copy of the checkout. */
final class Kustomize {

    private Kustomize() {}

    private static Boolean available;

    /** The kubectl binary; -Dbookinfo.kubectl=... points elsewhere (or nowhere, to see the skips). */
    private static String kubectl() {
        return System.getProperty("bookinfo.kubectl", "kubectl");
    }

    /** Skips the calling test (reported as skipped, not passed) where kubectl is not installed. */
    static void assumeKubectl() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder(kubectl(), "version", "--client")
                        .redirectErrorStream(true)
                        .start();
                p.getInputStream().readAllBytes();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "kubectl is not installed: kustomize output not checked");
    }

    /**
     * A copy of deploy/ and istio/ in a temporary directory, with the git-ignored settings files created from their
     * committed examples (so that a fresh clone renders, and a developer's own values never reach the tests).
     */
    static Path copyOfCheckout() {
        try {
            Path tmp = Files.createTempDirectory("bookinfo-kustomize");
            Path root = Manifests.root();
            for (String dir : List.of("deploy", "istio")) {
                copyTree(root.resolve(dir), tmp.resolve(dir));
            }
            Files.copy(
                    root.resolve("istio/auth0.env.example"),
                    tmp.resolve("istio/auth0.env"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    root.resolve("deploy/productpage-secrets.env.example"),
                    tmp.resolve("deploy/productpage-secrets.env"),
                    StandardCopyOption.REPLACE_EXISTING);
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = from.relativize(f);
                if (rel.startsWith("target") || rel.startsWith("src")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** {@code kubectl kustomize dir}: the rendered YAML, or a failed assertion with kubectl's message. */
    static String render(Path dir) {
        try {
            Process p = new ProcessBuilder(kubectl(), "kustomize", dir.toString()).start();
            var err = new java.io.ByteArrayOutputStream();
            Thread drain = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the exit code tells
                }
            });
            drain.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kubectl kustomize timed out");
            drain.join();
            assertEquals(0, p.exitValue(), "kubectl kustomize " + dir + ": " + err.toString(StandardCharsets.UTF_8));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The kustomization.yaml of a directory, parsed. */
    static JsonNode kustomization(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(file), file + " missing");
        List<JsonNode> docs = Manifests.documents(file);
        assertEquals(1, docs.size(), file + ": one document");
        return docs.get(0);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
