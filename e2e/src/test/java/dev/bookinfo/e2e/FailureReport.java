package dev.bookinfo.e2e;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebDriver;

/**
 * What a failed scenario leaves behind: its name and cause and the last lines of every service's log on stderr, and
 * what the class's browser showed as {@code target/screenshots/failed-<test>.png}. Each E2E class registers one
 * ({@code @RegisterExtension}) with its own suite and browser, which exist only once its {@code @BeforeAll} has run.
 */
final class FailureReport implements TestWatcher {

    private final Supplier<Suite> suite;
    private final Supplier<WebDriver> browser;

    FailureReport(Supplier<Suite> suite, Supplier<WebDriver> browser) {
        this.suite = suite;
        this.browser = browser;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Suite running = suite.get();
        if (running == null) {
            return;
        }
        System.err.println("Scenario '" + context.getDisplayName() + "' failed: " + cause);
        running.printLogTails();
        Browsers.screenshot(
                running,
                browser.get(),
                "failed-" + context.getRequiredTestMethod().getName());
    }
}
