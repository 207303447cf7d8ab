package dev.bookinfo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite names the apt packages at once when the browser or its driver is missing. */
class BrowsersTest {

    @TempDir
    Path dir;

    @Test
    void namesWhatIsMissingAndHowToInstallIt() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Browsers.requireInstalled(dir.resolve("chromium"), dir.resolve("chromedriver")));
        assertEquals(
                "The end-to-end tests drive Debian's Chromium through chromedriver, and Chromium ("
                        + dir.resolve("chromium") + ") and chromedriver (" + dir.resolve("chromedriver")
                        + ") are not installed. "
                        + "Install both with: sudo apt-get install -y chromium chromium-driver "
                        + "(or point -Dchromium.binary and -Dchromedriver at them).",
                e.getMessage());
    }

    @Test
    void aDriverWithoutBrowserIsNotEnough() throws IOException {
        Path driver = executable("chromedriver");
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> Browsers.requireInstalled(dir.resolve("chromium"), driver));
        assertTrue(
                e.getMessage().contains("Chromium (" + dir.resolve("chromium") + ") is not installed"), e.getMessage());
    }

    @Test
    void passesWhenBothAreThere() throws IOException {
        Browsers.requireInstalled(executable("chromium"), executable("chromedriver"));
    }

    private Path executable(String name) throws IOException {
        return Files.createFile(
                dir.resolve(name), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
}
