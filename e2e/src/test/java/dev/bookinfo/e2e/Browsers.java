package dev.bookinfo.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven through Debian's {@code chromedriver}: no Selenium Manager, no browser download, no
 * network. Each scenario class starts its own browser with its own profile, so each has its own provider session.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));

    private Browsers() {}

    /** Fails at once, with the install command, when the browser or its driver is missing (before anything starts). */
    static void requireInstalled() {
        requireInstalled(CHROMIUM, CHROMEDRIVER);
    }

    static void requireInstalled(Path chromium, Path chromedriver) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chromium)) {
            missing.add("Chromium (" + chromium + ")");
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.add("chromedriver (" + chromedriver + ")");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The end-to-end tests drive Debian's Chromium through chromedriver, and "
                    + String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is") + " not installed. "
                    + "Install both with: sudo apt-get install -y chromium chromium-driver "
                    + "(or point -Dchromium.binary and -Dchromedriver at them).");
        }
    }

    /** Options for a fresh headless Chromium whose profile lives under {@code target/} ({@code profile} names it). */
    static ChromeOptions options(Suite suite, String profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + suite.target.resolve("chromium-profile-" + profile + System.nanoTime()));
        return options;
    }

    /** Starts the browser; chromedriver logs to {@code target/logs/<log>}. A page gets 60 s to load. */
    static WebDriver start(Suite suite, ChromeOptions options, String log) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(suite.logs.resolve(log).toFile())
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /**
     * What {@code browser} shows, as {@code target/screenshots/<name>.png}; {@code null}, with a line on stderr, when
     * there is no browser or no picture (a failed scenario must still report its own failure).
     */
    static Path screenshot(Suite suite, WebDriver browser, String name) {
        if (browser == null) {
            return null;
        }
        try {
            Path dir = Files.createDirectories(suite.target.resolve("screenshots"));
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException | RuntimeException e) {
            System.err.println("No screenshot " + name + ": " + e);
            return null;
        }
    }
}
