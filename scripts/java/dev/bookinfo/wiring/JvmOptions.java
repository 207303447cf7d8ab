package dev.bookinfo.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of {@code scripts/jvm.options}, the ones every service ships with, for the Java launchers (the e2e
 * suite and the robustness module), so that the tests run the services as users and the benchmark do. Read as
 * run-local.sh and bench.py read the file: stripped lines, blank lines and '#' comments skipped.
 */
public final class JvmOptions {

    private JvmOptions() {}

    /** The shipped options of the repository at {@code root}, in their order. */
    public static List<String> of(Path root) {
        Path file = root.resolve("scripts/jvm.options");
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** {@code java <shipped options> -jar <jar>}. */
    public static List<String> javaCommand(Path java, Path root, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(of(root));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
