package dev.bookinfo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in over TLS: productpage serves HTTPS with a self-signed certificate ({@link TlsCertificate}), Chromium signs
 * jason in at Keycloak and comes back to the HTTPS callback; every session cookie must then be {@code Secure} (and
 * {@code HttpOnly}), so the browser never sends the tokens over plain HTTP. Also checks that the page's script runs
 * under its Content-Security-Policy. Its own browser (and so its own provider session); it asserts nothing about
 * the backends, which {@link BookinfoE2EIT} kills in its last scenario.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsSignInE2EIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Suite suite;
    private static WebDriver browser;

    @RegisterExtension
    static final FailureReport ON_FAILURE = new FailureReport(() -> suite, () -> browser);

    @BeforeAll
    static void startBrowser() {
        suite = Suite.get();
        ChromeOptions options = Browsers.options(suite, "tls-");
        // The certificate is self-signed; the test is about what productpage does over TLS, not about trust.
        options.setAcceptInsecureCerts(true);
        options.addArguments("--host-resolver-rules=MAP " + TlsCertificate.HOST + " 127.0.0.1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = Browsers.start(suite, options, "chromedriver-tls.log");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String page() {
        return suite.httpsUrl(Suite.PRODUCTPAGE_HTTPS) + "/productpage";
    }

    @Test
    @Order(1)
    void thePageOverHttpsRunsItsScriptUnderItsContentSecurityPolicy() {
        browser.get(page());
        assertEquals("Sign in", browser.findElement(By.id("sign-in-link")).getText());
        // bookinfo.js closes the dialog on a click of its close button: that only works if the script was loaded.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('dialog').showModal()");
        assertEquals(
                Boolean.TRUE,
                ((JavascriptExecutor) browser).executeScript("return document.getElementById('dialog').open"));
        browser.findElement(By.id("close-dialog")).click();
        new WebDriverWait(browser, WAIT)
                .until(driver -> Boolean.FALSE.equals(
                        ((JavascriptExecutor) driver).executeScript("return document.getElementById('dialog').open")));
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
        assertEquals(List.of(), violations, "CSP violations in the browser console");
    }

    @Test
    @Order(2)
    void jasonSignsInOverHttpsAndEverySessionCookieIsSecure() {
        browser.get(page());
        browser.findElement(By.id("sign-in-link")).click();
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(
                browser.getCurrentUrl().startsWith(suite.issuer() + "/"),
                "at the provider: " + browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("code_challenge_method=S256"), "PKCE: " + browser.getCurrentUrl());
        assertTrue(
                browser.getCurrentUrl()
                        .contains("redirect_uri="
                                + java.net.URLEncoder.encode(
                                        suite.httpsUrl(Suite.PRODUCTPAGE_HTTPS) + "/callback",
                                        java.nio.charset.StandardCharsets.UTF_8)),
                "https callback: " + browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys("jason");
        browser.findElement(By.id("password")).sendKeys("jason");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.and(
                ExpectedConditions.urlToBe(page()),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-name"))));
        assertEquals("jason", browser.findElement(By.cssSelector(".user-name")).getText());

        List<Cookie> session = browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session"))
                .toList();
        assertEquals(3, session.size(), "q_session, q_session_at, q_session_rt: " + session);
        for (Cookie cookie : session) {
            assertTrue(cookie.isSecure(), cookie.getName() + " is Secure");
            assertTrue(cookie.isHttpOnly(), cookie.getName() + " is HttpOnly");
        }
        assertFalse(
                browser.manage().getCookies().stream()
                        .anyMatch(cookie -> cookie.getName().startsWith("q_auth")),
                "the sign-in state cookie is gone: " + browser.manage().getCookies());
    }

    @Test
    @Order(3)
    void theSecureSessionIsNeverSentOverPlainHttp() {
        // Same host, productpage's plain HTTP port: the browser keeps the Secure cookies to itself.
        browser.get("http://" + TlsCertificate.HOST + ":" + suite.port("productpage") + "/productpage");
        assertEquals("Sign in", browser.findElement(By.id("sign-in-link")).getText());
        browser.get(page());
        assertEquals(
                "jason", browser.findElement(By.cssSelector(".user-name")).getText(), "still signed in over https");
    }

    @Test
    @Order(4)
    void jasonSignsOutBackToTheHttpsPage() {
        browser.findElement(By.cssSelector("a.sign-out")).click();
        // The provider sends the browser back with its logout state: /productpage?state=...
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.and(
                        ExpectedConditions.urlContains(page()),
                        ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link"))));
        assertTrue(browser.getCurrentUrl().startsWith(page()), browser.getCurrentUrl());
        assertTrue(
                browser.manage().getCookies().stream()
                        .noneMatch(c -> c.getName().startsWith("q_session")),
                "session cookies removed: " + browser.manage().getCookies());
    }
}
