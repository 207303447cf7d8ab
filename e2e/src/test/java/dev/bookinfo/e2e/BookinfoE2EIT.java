package dev.bookinfo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.wiring.JvmOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in with Auth0 (docs/auth0.md) end to end: a reader signs in at the OpenID Connect provider through productpage,
 * the token travels to details, reviews and ratings, which each verify it themselves ({@code JWT_MODE=standalone}), and
 * forged tokens sent straight to them are refused. One Keycloak, one set of services and one headless Chromium for the
 * whole class; the scenarios run in order, the destructive one (killing backends) last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookinfoE2EIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DETAILS_ERROR = "Error fetching product details";
    private static final String REVIEWS_ERROR = "Error fetching product reviews";
    private static final String STAR = "glyphicon glyphicon-star";
    private static final String INVALID = "{\"error\":\"invalid access token\"}";
    private static final String MISSING = "{\"error\":\"please provide a bearer access token\"}";

    private static Suite suite;
    private static Tokens tokens;
    private static WebDriver browser;

    @RegisterExtension
    static final FailureReport ON_FAILURE = new FailureReport(() -> suite, () -> browser);

    @BeforeAll
    static void startEverything() {
        suite = Suite.get();
        tokens = new Tokens(suite);
        browser = Browsers.start(suite, Browsers.options(suite, ""), "chromedriver.log");
        browser.manage().window().setSize(new Dimension(1280, 1100));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void anonymousReaderSeesBothErrorBlocksAndNoStars() {
        browser.get(suite.url("productpage") + "/productpage");
        String page = browser.getPageSource();
        assertTrue(page.contains(DETAILS_ERROR), "details error block");
        assertTrue(page.contains(REVIEWS_ERROR), "reviews error block");
        assertFalse(page.contains(STAR), "no stars");
        assertEquals("Sign in", browser.findElement(By.id("sign-in-link")).getText());
    }

    @Test
    @Order(2)
    void jasonSignsInAndSeesDetailsReviewsStarsAndHisName() throws IOException {
        browser.get(suite.url("productpage") + "/productpage");
        browser.findElement(By.id("sign-in-link")).click();
        signInAtTheProvider("jason", "jason");

        assertEquals("jason", browser.findElement(By.cssSelector(".user-name")).getText());
        String page = browser.getPageSource();
        assertTrue(page.contains("PublisherA"), "details table");
        assertFalse(page.contains(DETAILS_ERROR), "no details error");
        assertFalse(page.contains(REVIEWS_ERROR), "no reviews error");
        assertTrue(page.contains("Reviewer1") && page.contains("Reviewer2"), "two reviews");
        // Stars come from ratings, through reviews: they show that jason's token reached ratings and was accepted.
        assertEquals(9, count(page, STAR), "5 + 4 filled stars of reviews v2");
        assertFalse(page.contains("Ratings service is currently unavailable"), "no ratings error");

        Path screenshot = screenshot("signed-in");
        Path docs = suite.root.resolve("docs");
        if (Files.isDirectory(docs) && Boolean.getBoolean("e2e.update-docs-screenshot")) {
            Files.copy(screenshot, docs.resolve("signed-in.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    @Order(3)
    void theSessionIsSplitOverSeveralCookiesAndWorksOnAnotherReplica() {
        List<Cookie> session = browser.manage().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session"))
                .sorted(Comparator.comparing(Cookie::getName))
                .toList();
        List<String> names = session.stream().map(Cookie::getName).toList();
        // ID, access and refresh token each in their own encrypted cookie, each within a browser's 4 KiB limit.
        assertTrue(session.size() >= 3, "session state spread over several cookies: " + names);
        for (Cookie cookie : session) {
            assertTrue(cookie.getName().length() + cookie.getValue().length() < 4096, cookie.getName() + " fits");
            assertTrue(cookie.isHttpOnly(), cookie.getName() + " is HttpOnly");
        }
        int total =
                session.stream().mapToInt(cookie -> cookie.getValue().length()).sum();
        System.out.println("Session cookies " + names + ": " + total + " characters in all");
        assertTrue(total > 4096, "this session (" + total + " characters) would not fit in one cookie");

        // Cookies belong to the host, not the port: the replica receives jason's cookies and, sharing the
        // encryption key, recognises him without a new sign-in.
        browser.get(suite.url(Suite.PRODUCTPAGE_REPLICA) + "/productpage");
        assertEquals("jason", browser.findElement(By.cssSelector(".user-name")).getText());
        assertEquals(9, count(browser.getPageSource(), STAR), "the replica's calls carry jason's token too");
        browser.get(suite.url("productpage") + "/productpage");
    }

    @Test
    @Order(4)
    void signOutEndsTheSessionAndTheProviderSession() {
        browser.get(suite.url("productpage") + "/productpage");
        browser.findElement(By.cssSelector("a.sign-out")).click();
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.and(
                        ExpectedConditions.urlContains(suite.url("productpage") + "/productpage"),
                        ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link"))));
        String page = browser.getPageSource();
        assertTrue(page.contains(DETAILS_ERROR) && page.contains(REVIEWS_ERROR), "anonymous page again");
        assertFalse(page.contains(STAR), "no stars");

        // The provider's session is over too: signing in again asks for the password.
        browser.findElement(By.id("sign-in-link")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertTrue(browser.getCurrentUrl().startsWith(suite.issuer() + "/"), browser.getCurrentUrl());
    }

    static Stream<Arguments> forgedTokens() {
        Instant inFiveMinutes = Instant.now().plus(Duration.ofMinutes(5));
        return Stream.of(
                Arguments.of("no token", (Supplier<String>) () -> null, MISSING),
                Arguments.of(
                        "expired",
                        (Supplier<String>) () -> tokens.signedByTheRealm(
                                suite.issuer(), Suite.AUDIENCE, Instant.now().minus(Duration.ofMinutes(10))),
                        INVALID),
                Arguments.of(
                        "wrong issuer",
                        (Supplier<String>) () -> tokens.signedByTheRealm(
                                suite.url("keycloak") + "/realms/elsewhere", Suite.AUDIENCE, inFiveMinutes),
                        INVALID),
                Arguments.of(
                        "wrong audience",
                        (Supplier<String>) () -> tokens.signedByTheRealm(
                                suite.issuer(), "https://another-api.example.com", inFiveMinutes),
                        INVALID),
                Arguments.of("bad signature", (Supplier<String>) () -> tokens.signedByAnotherKey(), INVALID),
                Arguments.of("alg none", (Supplier<String>) () -> tokens.unsigned(), INVALID),
                Arguments.of(
                        "token of another realm",
                        (Supplier<String>) () -> tokens.passwordGrant("other", "other-app", "jason", "jason"),
                        INVALID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    @Order(5)
    void forgedTokensAreRefusedByEveryBackend(String name, Supplier<String> token, String body) {
        String bearer = token.get();
        for (Map.Entry<String, String> api : apis().entrySet()) {
            HttpResponse<String> response = call(api.getValue(), bearer);
            assertEquals(401, response.statusCode(), name + " to " + api.getKey());
            assertEquals(body, response.body(), name + " to " + api.getKey());
        }
    }

    @Test
    @Order(6)
    void genuineTokensAreAcceptedByEveryBackend() {
        // The counterpart of the forged ones: the same checks pass for a real token and for one minted with the
        // realm key, which shows that the forged tokens fail for the reason their name gives.
        for (String bearer : List.of(
                tokens.passwordGrant("bookinfo", Suite.CLIENT_ID, "jason", "jason"),
                tokens.signedByTheRealm(
                        suite.issuer(), Suite.AUDIENCE, Instant.now().plus(Duration.ofMinutes(5))))) {
            for (Map.Entry<String, String> api : apis().entrySet()) {
                assertEquals(200, call(api.getValue(), bearer).statusCode(), api.getKey());
            }
        }
    }

    @Test
    @Order(7)
    void theHealthEndpointsNeedNoToken() {
        for (String service : List.of("details", "reviews", "ratings")) {
            assertEquals(200, call(suite.url(service) + "/health", null).statusCode(), service);
            assertEquals(200, call(suite.url(service) + "/q/health/ready", null).statusCode(), service);
        }
    }

    @Test
    @Order(7)
    void everyServiceRunsWithTheShippedJvmOptions() {
        List<String> shipped = JvmOptions.of(suite.root);
        for (String service : List.of("ratings", "details", "reviews", "productpage", Suite.PRODUCTPAGE_REPLICA)) {
            // The command line the kernel holds for the process, not what the launcher meant to pass.
            List<String> arguments =
                    List.of(suite.processes.get(service).info().arguments().orElseThrow());
            assertEquals(shipped, arguments.subList(0, arguments.size() - 2), service);
            assertEquals("-jar", arguments.get(arguments.size() - 2), service);
        }
    }

    @Test
    @Order(8)
    void theSignedInPageSurvivesBackendsDyingMidRun() {
        browser.get(suite.url("productpage") + "/productpage");
        if (browser.findElements(By.cssSelector(".user-name")).isEmpty()) {
            browser.findElement(By.id("sign-in-link")).click();
            signInAtTheProvider("jason", "jason");
        }
        assertEquals(9, count(browser.getPageSource(), STAR), "stars before ratings dies");

        suite.kill("ratings");
        browser.navigate().refresh();
        String page = browser.getPageSource();
        assertEquals("jason", browser.findElement(By.cssSelector(".user-name")).getText());
        assertEquals(2, count(page, "Ratings service is currently unavailable"), "ratings error on both reviews");
        assertEquals(0, count(page, STAR), "no stars without ratings");
        assertTrue(page.contains("PublisherA"), "details still shown");

        suite.kill("details");
        browser.navigate().refresh();
        page = browser.getPageSource();
        assertTrue(page.contains(DETAILS_ERROR), "details error block");
        assertTrue(page.contains("Sorry, product details are currently unavailable for this book."), "details text");
        assertFalse(page.contains(REVIEWS_ERROR), "reviews still shown");
        assertTrue(page.contains("Reviewer1"), "reviews still shown");
    }

    private void signInAtTheProvider(String user, String password) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(
                browser.getCurrentUrl().startsWith(suite.issuer() + "/"),
                "at the provider: " + browser.getCurrentUrl());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.and(
                ExpectedConditions.urlToBe(suite.url("productpage") + "/productpage"),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-name"))));
    }

    private static Map<String, String> apis() {
        return Map.of(
                "details", suite.url("details") + "/details/0",
                "reviews", suite.url("reviews") + "/reviews/0",
                "ratings", suite.url("ratings") + "/ratings/0");
    }

    private static HttpResponse<String> call(String url, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return suite.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path screenshot(String name) {
        return Browsers.screenshot(suite, browser, name);
    }

    private static int count(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
