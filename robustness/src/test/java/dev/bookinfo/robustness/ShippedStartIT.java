package dev.bookinfo.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.wiring.JvmOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services these tests attack run with exactly the JVM options users get (scripts/jvm.options), and start as an
 * operator wants them to: not one WARN or ERROR line before any request (an unknown configuration key, a meter
 * registered twice, a deprecated setting would each print one at every start of every pod).
 */
class ShippedStartIT {

    private static Services services;

    @BeforeAll
    static void start() {
        services = new Services(Map.of());
    }

    @AfterAll
    static void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void everyServiceRunsWithTheShippedOptions() {
        List<String> shipped = JvmOptions.of(Services.ROOT);
        for (String name : Services.NAMES) {
            Process process = services.process(name);
            // What the kernel holds as the process's command line, not what the launcher meant to pass.
            List<String> arguments = List.of(
                    process.info().arguments().orElseThrow(() -> new AssertionError("no command line for " + name)));
            Path jar = Services.ROOT.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
            assertEquals(shipped, arguments.subList(0, arguments.size() - 2), name);
            assertEquals(
                    List.of("-jar", jar.toString()), arguments.subList(arguments.size() - 2, arguments.size()), name);
            assertTrue(process.isAlive(), name + " is running");
        }
    }

    @Test
    void aStartLogsNoWarningOrError() {
        List<String> found = new ArrayList<>();
        for (String name : Services.NAMES) {
            services.lines(name).stream()
                    .filter(line -> line.matches("^\\S+ \\S+ (WARN|ERROR) .*"))
                    .forEach(line -> found.add(name + ": " + line));
        }
        assertEquals(List.of(), found, "WARN or ERROR lines while the services started");
    }
}
