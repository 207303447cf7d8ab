package dev.bookinfo.productpage.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps {@link PathFilters#STATIC_FILES} (used for 405 answers) in sync with the files we ship. */
class StaticFilesTest {

    @Test
    void everyShippedStaticFileIsListed() throws IOException {
        Path root = Path.of("src/main/resources/META-INF/resources");
        try (Stream<Path> files = Files.walk(root.resolve("static"))) {
            Set<String> shipped = files.filter(Files::isRegularFile)
                    .map(file -> "/" + root.relativize(file).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
            assertEquals(shipped, PathFilters.STATIC_FILES);
        }
    }
}
