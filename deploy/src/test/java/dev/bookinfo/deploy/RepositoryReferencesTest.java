package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reference in the repository's code and docs resolves inside it: scripts/check-references.py finds no
 * Markdown link, anchor or file path that points nowhere, and no citation of a document or issue a reader cannot
 * open. The checker itself is tried on a small tree with one broken reference of each kind (the documents it cites,
 * README.md and SECURITY.md, are this repository's but not the small tree's).
 */
class RepositoryReferencesTest {

    private static final Path SCRIPT = Manifests.root().resolve("scripts/check-references.py");

    /** A tree in which every reference resolves. */
    private static final Map<String, String> VALID = Map.of(
            "README.md", "# Demo\n\nSee [the guide](docs/guide.md#running-it) and `app/src/main/java/App.java`.\n",
            "docs/guide.md", "# Guide\n\n## Running it\n\nBack to [the top](../README.md). Colour `#111827`.\n",
            "app/src/main/java/App.java", "/** Upstream's rule (docs/guide.md#running-it). */\nclass App {}\n");

    @Test
    void theRepositoryHasNoBrokenReference() throws Exception {
        Result result = check(Manifests.root());
        assertEquals(0, result.exit(), "scripts/check-references.py found broken references:\n" + result.output());
    }

    @Test
    void aTreeWhoseReferencesResolvePasses(@TempDir Path root) throws Exception {
        Result result = check(tree(root, VALID, Map.of()));
        assertEquals(0, result.exit(), result.output());
    }

    @Test
    void reportsEachBrokenReference(@TempDir Path root) throws Exception {
        tree(root, VALID, Map.of("docs/broken.md", """
                # Broken

                A [lost link](missing.md), a [lost anchor](guide.md#no-such-heading), a path
                `scripts/gone.sh`, and the rule of README.md 5.
                """, "app/src/main/java/Cites.java", """
                /**
                 * As SECURITY.md says (§
                 * 3.4), see issue 12 and #13.
                 */
                class Cites {}
                """));
        Result result = check(root);
        assertEquals(1, result.exit(), result.output());
        assertEquals(
                List.of(
                        "app/src/main/java/Cites.java:2: \"SECURITY.md\" names a document the repository does not"
                                + " hold",
                        "app/src/main/java/Cites.java:2: \"§ 3.4\" cites a section of a document; link the"
                                + " repository's own file instead",
                        "app/src/main/java/Cites.java:3: \"#13\" cites an issue number; say what it means instead",
                        "app/src/main/java/Cites.java:3: \"issue 12\" cites an issue number; say what it means"
                                + " instead",
                        "docs/broken.md:3: docs/guide.md#no-such-heading: no such heading",
                        "docs/broken.md:3: link to missing.md: no such file",
                        "docs/broken.md:4: \"README.md 5\" cites a section of a document; link the repository's own"
                                + " file instead",
                        "docs/broken.md:4: scripts/gone.sh: no such file in the repository"),
                result.output().lines().sorted().toList());
    }

    private static Path tree(Path root, Map<String, String> files, Map<String, String> more) throws IOException {
        for (Map<String, String> set : List.of(files, more)) {
            for (Map.Entry<String, String> file : set.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        }
        return root;
    }

    private record Result(int exit, String output) {}

    private static Result check(Path root) throws Exception {
        Process process = new ProcessBuilder("python3", SCRIPT.toString(), root.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("scripts/check-references.py did not finish in 120 s");
        }
        return new Result(process.exitValue(), output);
    }
}
