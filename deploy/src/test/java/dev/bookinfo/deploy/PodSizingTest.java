package dev.bookinfo.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each pod's memory request and limit follow deploy/README.md#memory-and-cpu's rule from the latest committed
 * benchmark run of the shipped options (bench/results/jvm.md and jvm-aot.md, the JVM images' two variants): the
 * request holds the larger RSS after load, the limit is at least 1.5 times the larger peak RSS. The values are set in
 * each service's application.properties and shown in the README's table; this test fails when a new benchmark run
 * outgrows them or when the table and the properties disagree. GeneratedManifestsIT checks what reaches the
 * Deployments.
 */
class PodSizingTest {

    static final List<String> MEASURED = List.of("bench/results/jvm.md", "bench/results/jvm-aot.md");
    static final double LIMIT_OVER_PEAK = 1.5;

    /** A row of the results' per-service table: service, ready ms, started ms, RSS after load, peak RSS, starts. */
    private static final Pattern RESULT_ROW =
            Pattern.compile("(?m)^\\| (\\w+) \\| [\\d.]+ \\| [\\d.]+ \\| ([\\d.]+) \\| ([\\d.]+) \\| [^|]* \\|\\s*$");
    /** A row of the README's table: service, RSS after load, peak RSS, request, limit. */
    private static final Pattern README_ROW =
            Pattern.compile("(?m)^\\| (\\w+) \\| [^|]+ \\| [^|]+ \\| (\\d+)Mi \\| (\\d+)Mi \\|\\s*$");

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void requestAndLimitCoverTheMeasuredMemory(String service) {
        double afterLoad = 0;
        double peak = 0;
        for (String file : MEASURED) {
            double[] measured = measured(Manifests.read(Manifests.root().resolve(file)), file)
                    .get(service);
            assertTrue(measured != null, file + " has no row for " + service);
            afterLoad = Math.max(afterLoad, measured[0]);
            peak = Math.max(peak, measured[1]);
        }
        int[] sized = properties(service);
        assertTrue(
                sized[0] >= afterLoad,
                service + ": memory request " + sized[0] + "Mi is below the RSS after load, " + afterLoad + " MiB");
        assertTrue(
                sized[1] >= LIMIT_OVER_PEAK * peak,
                service + ": memory limit " + sized[1] + "Mi is below " + LIMIT_OVER_PEAK + " times the peak RSS, "
                        + peak + " MiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"details", "ratings", "reviews", "productpage"})
    void readmeShowsWhatThePropertiesSet(String service) {
        Matcher rows = README_ROW.matcher(Manifests.read(Manifests.root().resolve("deploy/README.md")));
        Map<String, int[]> table = new LinkedHashMap<>();
        while (rows.find()) {
            table.put(rows.group(1), new int[] {Integer.parseInt(rows.group(2)), Integer.parseInt(rows.group(3))});
        }
        assertTrue(table.containsKey(service), "deploy/README.md's memory table has no row for " + service);
        int[] sized = properties(service);
        assertEquals(sized[0], table.get(service)[0], service + ": README's request");
        assertEquals(sized[1], table.get(service)[1], service + ": README's limit");
    }

    /** Service to {RSS after load, peak RSS} in MiB, from one results file. */
    static Map<String, double[]> measured(String results, String file) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        Matcher row = RESULT_ROW.matcher(results);
        while (row.find()) {
            rows.put(row.group(1), new double[] {Double.parseDouble(row.group(2)), Double.parseDouble(row.group(3))});
        }
        assertFalse(rows.isEmpty(), file + " has no per-service table");
        return rows;
    }

    /** {request, limit} in MiB, from the service's application.properties. */
    private static int[] properties(String service) {
        String properties =
                Manifests.read(Manifests.root().resolve(service).resolve("src/main/resources/application.properties"));
        return new int[] {
            mebibytes(properties, "quarkus.kubernetes.resources.requests.memory"),
            mebibytes(properties, "quarkus.kubernetes.resources.limits.memory")
        };
    }

    private static int mebibytes(String properties, String key) {
        Matcher value =
                Pattern.compile("(?m)^" + Pattern.quote(key) + "=(\\d+)Mi\\s*$").matcher(properties);
        assertTrue(value.find(), key + " is not set in Mi");
        return Integer.parseInt(value.group(1));
    }
}
