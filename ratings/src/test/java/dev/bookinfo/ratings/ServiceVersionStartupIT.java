package dev.bookinfo.ratings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Starts the packaged application with settings it cannot serve: an unknown SERVICE_VERSION, or v2 without its
 * database. It must stop at once with a non-zero exit code and say why, instead of serving ratings under a wrong name
 * or failing on every request.
 */
class ServiceVersionStartupIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SERVICE_VERSION=v9 | SERVICE_VERSION=v9 is not a ratings variant; use v1, v2, v-faulty, v-delayed, "
                        + "v-unavailable, v-unhealthy",
                "SERVICE_VERSION=v2 | SERVICE_VERSION=v2 reads MongoDB unless DB_TYPE=mysql, and needs MONGO_DB_URL, e.g. "
                        + "mongodb://mongodb:27017/test",
                "SERVICE_VERSION=v2 MONGO_DB_URL=http://user:secret@mongodb/test | MONGO_DB_URL is not a MongoDB connection "
                        + "string",
                "SERVICE_VERSION=v2 DB_TYPE=mysql | SERVICE_VERSION=v2 with DB_TYPE=mysql needs MYSQL_DB_HOST"
            })
    void refusesToStart(String environment, String message) throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), "package the application first: " + JAR.toAbsolutePath());
        Path output = temp.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.http.port=0",
                        "-jar",
                        JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        for (String variable : environment.split(" ")) {
            builder.environment()
                    .put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("still running after 60 s with " + environment + ":\n" + Files.readString(output));
            }
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertNotEquals(0, process.exitValue(), printed);
        assertTrue(printed.contains(message), () -> "expected \"" + message + "\" in:\n" + printed);
        assertFalse(printed.contains("secret"), () -> "the password of MONGO_DB_URL was printed:\n" + printed);
    }
}
