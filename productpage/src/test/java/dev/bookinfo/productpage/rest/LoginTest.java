package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.DemoSessions;
import dev.bookinfo.productpage.testing.FromAddress;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo login (docs/upstream.md#the-user-and-end-user), its cookie and the same-origin redirect that replaces
 * upstream's {@code Location: None} and open redirect (docs/upstream.md#what-we-fix).
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class LoginTest {

    static final String SESSION_COOKIE =
            "session=v2\\.[A-Za-z0-9_-]+\\.[0-9]+\\.[A-Za-z0-9_-]+; Max-Age=28800; Path=/; HttpOnly; SameSite=Lax";
    static final String CLEARED_COOKIE =
            "session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax";

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    private static String origin() {
        return "http://localhost:" + RestAssured.port;
    }

    private LoggedRequest detailsRequest() {
        var requests = backends.details.findAll(getRequestedFor(urlEqualTo("/details/0")));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    @Test
    void formLoginWithoutRefererRedirectsToProductpageWithASignedCookie() {
        given().redirects()
                .follow(false)
                .formParam("username", "jason")
                .formParam("passwd", "password")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", matchesPattern(SESSION_COOKIE))
                .body(is(emptyString()));
    }

    @Test
    void cookieFromLoginSignsTheUserIn() {
        String cookie = DemoSessions.signIn("jason");
        Document page = Pages.productPage(given().cookie("session", cookie));
        assertEquals("jason", page.selectFirst(".user-name").text());
        assertEquals("jason", detailsRequest().getHeader("end-user"));
    }

    @Test
    void usernameMayComeFromTheQueryString() {
        String cookie = given().redirects()
                .follow(false)
                .when()
                .post("/login?username=bob")
                .then()
                .statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", matchesPattern(SESSION_COOKIE))
                .extract()
                .cookie("session");
        Pages.productPage(given().cookie("session", cookie));
        assertEquals("bob", detailsRequest().getHeader("end-user"));
    }

    @Test
    void passwordIsIgnored() {
        String cookie = DemoSessions.signIn("jason");
        Pages.productPage(given().cookie("session", cookie));
        assertEquals("jason", detailsRequest().getHeader("end-user"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankUsernameLeavesYouLoggedOut(String user) {
        given().redirects()
                .follow(false)
                .formParam("username", user)
                .formParam("passwd", "x")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void missingUsernameLeavesYouLoggedOut() {
        given().redirects()
                .follow(false)
                .formParam("passwd", "x")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void sameOriginRefererPathAndQueryAreKept() {
        given().redirects()
                .follow(false)
                .header("Referer", origin() + "/productpage?u=normal")
                .formParam("username", "jason")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Location", "/productpage?u=normal");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://evil.example/productpage",
                "https://localhost:%d/productpage",
                "http://localhost:1/productpage",
                "http://localhost:%d//evil.example/x",
                "http://user@localhost:%d/productpage",
                "javascript:alert(1)",
                "/productpage?u=relative",
                "not a url"
            })
    void anyOtherRefererRedirectsToProductpage(String referer) {
        given().redirects()
                .follow(false)
                .header("Referer", referer.formatted(RestAssured.port))
                .formParam("username", "jason")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Location", "/productpage");
    }

    @Test
    void logoutClearsTheCookieAndRedirectsBack() {
        given().redirects()
                .follow(false)
                .header("Referer", origin() + "/index.html")
                .cookie("session", DemoSessions.signIn("jason"))
                .when()
                .get("/logout")
                .then()
                .statusCode(302)
                .header("Location", "/index.html")
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void logoutWithoutRefererGoesToProductpage() {
        given().redirects()
                .follow(false)
                .when()
                .get("/logout")
                .then()
                .statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void tamperedCookieCountsAsLoggedOut() {
        String cookie = DemoSessions.signIn("jason");
        String[] parts = cookie.split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString("admin".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2] + "." + parts[3];
        Document page = Pages.productPage(given().cookie("session", forged));
        assertTrue(page.getElementById("sign-in-button") != null, "sign-in button shown");
        assertFalse(detailsRequest().containsHeader("end-user"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage",
                "v1.",
                "v1..",
                "v1.amFzb24",
                "v1.amFzb24.!!!",
                "v2.amFzb24.abc",
                "v2...",
                "v2.amFzb24.1700000000.!!!",
                "v2.amFzb24.x.abc"
            })
    void malformedCookieCountsAsLoggedOut(String value) {
        Document page = Pages.productPage(given().cookie("session", value));
        assertTrue(page.getElementById("sign-in-button") != null);
        assertFalse(detailsRequest().containsHeader("end-user"));
    }

    @Test
    void aFreshlyMintedCookieSignsIn() {
        // The control for the two tests below: the minted cookie is right but for its time.
        Document page = Pages.productPage(given().cookie(
                        "session", DemoSessions.mint("jason", Instant.now().minusSeconds(60))));
        assertEquals("jason", page.selectFirst(".user-name").text());
    }

    @Test
    void anExpiredCookieCountsAsLoggedOut() {
        String expired = DemoSessions.mint(
                "jason", Instant.now().minus(Duration.ofHours(8)).minusSeconds(1));
        Document page = Pages.productPage(given().cookie("session", expired));
        assertTrue(page.getElementById("sign-in-button") != null, "sign-in button shown");
        assertFalse(detailsRequest().containsHeader("end-user"));
    }

    @Test
    void aFutureDatedCookieCountsAsLoggedOut() {
        Document page = Pages.productPage(given().cookie(
                        "session", DemoSessions.mint("jason", Instant.now().plus(Duration.ofHours(1)))));
        assertTrue(page.getElementById("sign-in-button") != null, "sign-in button shown");
        assertFalse(detailsRequest().containsHeader("end-user"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jason\r\nx-evil: 1",
                "jason\n",
                "jas\u0000on",
                "a b",
                "Zo\u00eb",
                "<script>",
                "jason\t",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void aNameOutsideTheRuleIsA400WithTheRule(String user) {
        given().redirects()
                .follow(false)
                .formParam("username", user)
                .formParam("passwd", "x")
                .when()
                .post("/login")
                .then()
                .statusCode(400)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Set-Cookie", nullValue())
                .body(is("Invalid username: use 1 to 64 letters (A-Z, a-z), digits or the characters . _ @ -\n"));
        given().redirects()
                .follow(false)
                .queryParam("username", user)
                .when()
                .post("/login")
                .then()
                .statusCode(400)
                .header("Set-Cookie", nullValue());
    }

    @Test
    void aKilobyteNameIsA400() {
        // Larger form fields never get here: Quarkus refuses the body first (413).
        given().redirects()
                .follow(false)
                .formParam("username", "j".repeat(1000))
                .when()
                .post("/login")
                .then()
                .statusCode(400)
                .header("Set-Cookie", nullValue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "alice.smith@example.com",
                "bob_the-builder",
                "0123456789012345678901234567890123456789012345678901234567890123"
            })
    void namesWithinTheRuleSignIn(String user) {
        Pages.productPage(given().cookie("session", DemoSessions.signIn(user)));
        assertEquals(user, detailsRequest().getHeader("end-user"));
    }

    @Test
    void behindATrustedTlsProxyTheCookieIsSecure() {
        given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .formParam("username", "jason")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Set-Cookie", matchesPattern(SESSION_COOKIE.replace("SameSite=Lax", "SameSite=Lax; Secure")));
        given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .when()
                .get("/logout")
                .then()
                .statusCode(302)
                .header("Set-Cookie", CLEARED_COOKIE + "; Secure");
    }

    @Test
    void aForwardedProtoFromAnUntrustedAddressChangesNothing() {
        HttpResponse<String> logout = FromAddress.get(
                FromAddress.STRANGER,
                "/logout",
                Map.of("X-Forwarded-Proto", "https", "Referer", "https://evil.example/x"));
        assertEquals(302, logout.statusCode());
        assertEquals(CLEARED_COOKIE, logout.headers().firstValue("Set-Cookie").orElseThrow());
        HttpResponse<String> fromSidecar =
                FromAddress.get(FromAddress.SIDECAR, "/logout", Map.of("X-Forwarded-Proto", "https"));
        assertEquals(
                CLEARED_COOKIE + "; Secure",
                fromSidecar.headers().firstValue("Set-Cookie").orElseThrow());
    }

    @Test
    void getLoginIsNotAllowed() {
        given().when().get("/login").then().statusCode(405);
    }

    @Test
    void postLogoutIsNotAllowed() {
        given().when().post("/logout").then().statusCode(405);
    }
}
