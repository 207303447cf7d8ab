package dev.bookinfo.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bookinfo.wiring.JvmOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JVM options are written once, in {@code scripts/jvm.options}: the Java launchers (e2e, robustness) read them
 * with {@link JvmOptions}, bench.py with its own reader, and no launcher spells a JVM option out for the services
 * itself, so that the tests and the benchmark run what ships. (deploy's JvmOptionsTest checks the copies in the
 * Dockerfiles and the root pom.)
 */
class JvmOptionsLaunchersTest {

    private static final Path ROOT = Services.ROOT;
    private static final Pattern JVM_OPTION = Pattern.compile("-X[\\w:+\\-=.]+");

    /** The launchers, and the JVM options each may name anyway (with the reason). */
    private static final Map<String, Set<String>> LAUNCHERS = Map.of(
            // Keycloak's heap (JAVA_OPTS_KC_HEAP) and Zipkin's: not the services'
            "run-local.sh",
                    Set.of(
                            "-Xms64m",
                            "-Xmx512m",
                            "-Xmx256m",
                            "-Xmx",
                            "-XX:+UseSerialGC"), // the last two in the usage text, about JAVA_OPTS
            "e2e/src/test/java/dev/bookinfo/e2e/Suite.java", Set.of("-Xms64m", "-Xmx512m"), // Keycloak's heap
            "e2e/src/test/java/dev/bookinfo/e2e/TelemetryBackends.java",
                    Set.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), // Zipkin's
            "robustness/src/test/java/dev/bookinfo/robustness/Services.java", Set.of(),
            "bench/benchlib/suite.py", Set.of(),
            "bench/benchlib/build.py", Set.of("-XX:AOTCache=app.aot", "-XX:AOTMode=on"), // the jvm-aot variant
            "bench/benchlib/aot.py", Set.of("-XX:AOTCacheOutput", "-XX:AOTCacheOutput=app.aot"), // recording the cache
            "bench/soak.py", Set.of());

    @Test
    void theJavaReaderReadsTheFile() throws IOException {
        List<String> options = JvmOptions.of(ROOT);
        assertFalse(options.isEmpty(), "no options read");
        List<String> lines = Files.readAllLines(ROOT.resolve("scripts/jvm.options"), StandardCharsets.UTF_8);
        assertEquals(
                lines.stream().filter(line -> line.startsWith("-")).toList(),
                options,
                "every option line, in order, and nothing else");
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("#")), "the file has comments the reader skips");
        Path jar = ROOT.resolve("ratings/target/quarkus-app/quarkus-run.jar");
        List<String> command = JvmOptions.javaCommand(Path.of("/jdk/bin/java"), ROOT, jar);
        assertEquals("/jdk/bin/java", command.get(0));
        assertEquals(options, command.subList(1, command.size() - 2));
        assertEquals(List.of("-jar", jar.toString()), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void benchReadsTheSameOptions() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed: bench.py's reader not compared");
        Process process = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import sys; sys.path.insert(0, 'bench'); from benchlib.common import DEFAULT_JVM_OPTS; "
                                + "print(DEFAULT_JVM_OPTS)")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "python3 hangs");
        assertEquals(0, process.exitValue(), out);
        assertEquals(String.join(" ", JvmOptions.of(ROOT)), out.strip());
    }

    @Test
    void noLauncherSpellsAJvmOptionOut() throws IOException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Set<String>> launcher : LAUNCHERS.entrySet()) {
            Set<String> named = new TreeSet<>();
            Matcher m = JVM_OPTION.matcher(Files.readString(ROOT.resolve(launcher.getKey()), StandardCharsets.UTF_8));
            while (m.find()) {
                named.add(m.group());
            }
            named.removeAll(launcher.getValue());
            if (!named.isEmpty()) {
                found.add(launcher.getKey() + " names " + named);
            }
        }
        assertEquals(List.of(), found, "the services' JVM options belong in scripts/jvm.options");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
