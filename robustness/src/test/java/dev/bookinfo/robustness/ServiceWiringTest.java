package dev.bookinfo.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bookinfo.wiring.ServiceWiring;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The service wiring is written once, in {@code scripts/services.properties}: its three readers (bash for
 * run-local.sh, Python for bench.py and soak.py, Java for the e2e and robustness launchers) give every service the
 * same environment, and no launcher spells one of its variables out itself.
 */
class ServiceWiringTest {

    private static final Path ROOT = Services.ROOT;
    private static final ServiceWiring WIRING = Services.WIRING;
    private static final List<String> VERSIONS = List.of("v1", "v2", "v3");
    /** Ports no launcher uses, so that a reader that ignores them cannot pass. */
    private static final Map<String, Integer> PORTS = ports(27101);

    /** The launchers, and the wiring variables each may name anyway (with the reason). */
    private static final Map<String, Set<String>> LAUNCHERS = Map.of(
            "run-local.sh", Set.of("SERVICE_VERSION"), // ratings v2 with a database replaces the wiring's v1
            "bench/bench.py", Set.of(),
            "bench/soak.py", Set.of(),
            "bench/benchlib/suite.py", Set.of(),
            "bench/benchlib/aot.py", Set.of(),
            "e2e/src/test/java/dev/bookinfo/e2e/Suite.java", Set.of(),
            "robustness/src/test/java/dev/bookinfo/robustness/Services.java", Set.of());

    @Test
    void wiresEachServiceToItsNeighboursPorts() {
        assertEquals(List.of("ratings", "details", "reviews", "productpage"), WIRING.services());
        SortedMap<String, String> productpage = WIRING.environment("productpage", PORTS);
        for (String backend : List.of("details", "reviews", "ratings")) {
            String prefix = backend.toUpperCase();
            assertEquals("localhost", productpage.get(prefix + "_HOSTNAME"));
            assertEquals(Integer.toString(PORTS.get(backend)), productpage.get(prefix + "_SERVICE_PORT"));
        }
        SortedMap<String, String> reviews = WIRING.environment("reviews", PORTS, "v3");
        assertEquals(Integer.toString(PORTS.get("ratings")), reviews.get("RATINGS_SERVICE_PORT"));
        assertEquals("true", reviews.get("ENABLE_RATINGS"));
        assertEquals("red", reviews.get("STAR_COLOR"));
        assertEquals("reviews-v3-local", reviews.get("HOSTNAME"));
        assertEquals("false", WIRING.environment("reviews", PORTS, "v1").get("ENABLE_RATINGS"));
        assertEquals("v2", WIRING.reviewsVersion());
        assertEquals(9080, WIRING.localPort("productpage"));
    }

    @Test
    void bashReaderAgrees() throws Exception {
        for (String service : WIRING.services()) {
            for (String version : VERSIONS) {
                assertEquals(
                        WIRING.environment(service, PORTS, version),
                        run(command("bash", "scripts/wiring.sh", service, version)),
                        "bash, " + service + " " + version);
            }
        }
    }

    @Test
    void pythonReaderAgrees() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed: bench.py's reader not compared");
        for (String service : WIRING.services()) {
            for (String version : VERSIONS) {
                assertEquals(
                        WIRING.environment(service, PORTS, version),
                        run(command("python3", "bench/benchlib/wiring.py", service, version)),
                        "python, " + service + " " + version);
            }
        }
    }

    @Test
    void noLauncherSpellsTheWiringOut() throws IOException {
        Set<String> variables = new TreeSet<>();
        for (String service : WIRING.services()) {
            for (String version : VERSIONS) {
                variables.addAll(WIRING.environment(service, PORTS, version).keySet());
            }
        }
        assertTrue(
                variables.containsAll(List.of("ENABLE_RATINGS", "STAR_COLOR", "RATINGS_SERVICE_PORT")),
                variables::toString);
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Set<String>> launcher : LAUNCHERS.entrySet()) {
            String text = Files.readString(ROOT.resolve(launcher.getKey()), StandardCharsets.UTF_8);
            for (String variable : variables) {
                if (!launcher.getValue().contains(variable) && text.matches("(?s).*\\b" + variable + "\\b.*")) {
                    found.add(launcher.getKey() + " names " + variable);
                }
            }
        }
        assertEquals(List.of(), found, "set these in scripts/services.properties instead");
        try (Stream<Path> python = Files.list(ROOT.resolve("bench/benchlib"))) {
            assertTrue(python.anyMatch(p -> p.getFileName().toString().equals("wiring.py")));
        }
    }

    private static List<String> command(String program, String script, String service, String version) {
        List<String> command = new ArrayList<>(List.of(program, script, service, version));
        WIRING.services().forEach(name -> command.add(Integer.toString(PORTS.get(name))));
        return command;
    }

    private static SortedMap<String, String> run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), command + " hangs");
        assertEquals(0, process.exitValue(), command + ": " + out);
        SortedMap<String, String> env = new TreeMap<>();
        for (String line : out.lines().filter(line -> !line.isBlank()).toList()) {
            int eq = line.indexOf('=');
            assertTrue(eq > 0, command + " printed " + line);
            env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static Map<String, Integer> ports(int first) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : WIRING.services()) {
            ports.put(service, first + ports.size());
        }
        return ports;
    }
}
