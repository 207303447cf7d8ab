package dev.bookinfo.ratings;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starts the packaged application with SERVICE_VERSION values it cannot serve: it must stop at once with a
 * non-zero exit code and say why, instead of serving v1 ratings under a wrong name.
 */
class ServiceVersionStartupIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "SERVICE_VERSION={0}")
    @CsvSource(delimiter = '|', value = {
            "v2 | SERVICE_VERSION=v2 (database-backed ratings) is not implemented yet; use v1, v-faulty, v-delayed, "
                    + "v-unavailable, v-unhealthy",
            "v9 | SERVICE_VERSION=v9 is not a ratings variant; use v1, v-faulty, v-delayed, v-unavailable, v-unhealthy"})
    void refusesToStart(String version, String message) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "package the application first: " + JAR.toAbsolutePath());
        Path output = temp.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0",
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("SERVICE_VERSION", version);
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("still running after 60 s with SERVICE_VERSION=" + version + ":\n" + Files.readString(output));
            }
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertNotEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains(message), () -> "expected \"" + message + "\" in:\n" + printed);
    }
}
