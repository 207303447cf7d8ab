package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract 3.3 ({@code /login}, {@code /logout}), 3.5, 11.7 and DESIGN 3: the demo login, its cookie and
 * the same-origin redirect that replaces upstream's {@code Location: None} and open redirect.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class LoginTest {

    static final String SESSION_COOKIE = "session=v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+; Path=/; HttpOnly; SameSite=Lax";
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

    /** Istio's test helper: {@code curl --data "username=jason&passwd=password" .../login}, no Referer. */
    private static String signIn(String user) {
        return given().redirects().follow(false)
                .formParam("username", user).formParam("passwd", "password")
                .when().post("/login")
                .then().statusCode(302)
                .extract().cookie("session");
    }

    private LoggedRequest detailsRequest() {
        var requests = backends.details.findAll(getRequestedFor(urlEqualTo("/details/0")));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    @Test
    void formLoginWithoutRefererRedirectsToProductpageWithASignedCookie() {
        given().redirects().follow(false)
                .formParam("username", "jason").formParam("passwd", "password")
                .when().post("/login")
                .then().statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", matchesPattern(SESSION_COOKIE))
                .body(is(emptyString()));
    }

    @Test
    void cookieFromLoginSignsTheUserIn() {
        String cookie = signIn("jason");
        Document page = Pages.productPage(given().cookie("session", cookie));
        assertEquals("jason", page.selectFirst(".user-name").text());
        assertEquals("jason", detailsRequest().getHeader("end-user"));
    }

    @Test
    void usernameMayComeFromTheQueryString() {
        String cookie = given().redirects().follow(false)
                .when().post("/login?username=bob")
                .then().statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", matchesPattern(SESSION_COOKIE))
                .extract().cookie("session");
        Pages.productPage(given().cookie("session", cookie));
        assertEquals("bob", detailsRequest().getHeader("end-user"));
    }

    @Test
    void passwordIsIgnored() {
        String cookie = given().redirects().follow(false).formParam("username", "jason")
                .when().post("/login").then().statusCode(302).extract().cookie("session");
        Pages.productPage(given().cookie("session", cookie));
        assertEquals("jason", detailsRequest().getHeader("end-user"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void blankUsernameLeavesYouLoggedOut(String user) {
        given().redirects().follow(false).formParam("username", user).formParam("passwd", "x")
                .when().post("/login")
                .then().statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void missingUsernameLeavesYouLoggedOut() {
        given().redirects().follow(false).formParam("passwd", "x")
                .when().post("/login")
                .then().statusCode(302)
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void sameOriginRefererPathAndQueryAreKept() {
        given().redirects().follow(false).header("Referer", origin() + "/productpage?u=normal")
                .formParam("username", "jason")
                .when().post("/login")
                .then().statusCode(302)
                .header("Location", "/productpage?u=normal");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://evil.example/productpage",
        "https://localhost:%d/productpage",
        "http://localhost:1/productpage",
        "http://localhost:%d//evil.example/x",
        "http://user@localhost:%d/productpage",
        "javascript:alert(1)",
        "/productpage?u=relative",
        "not a url"})
    void anyOtherRefererRedirectsToProductpage(String referer) {
        given().redirects().follow(false).header("Referer", referer.formatted(RestAssured.port))
                .formParam("username", "jason")
                .when().post("/login")
                .then().statusCode(302)
                .header("Location", "/productpage");
    }

    @Test
    void logoutClearsTheCookieAndRedirectsBack() {
        given().redirects().follow(false).header("Referer", origin() + "/index.html")
                .cookie("session", signIn("jason"))
                .when().get("/logout")
                .then().statusCode(302)
                .header("Location", "/index.html")
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void logoutWithoutRefererGoesToProductpage() {
        given().redirects().follow(false)
                .when().get("/logout")
                .then().statusCode(302)
                .header("Location", "/productpage")
                .header("Set-Cookie", CLEARED_COOKIE);
    }

    @Test
    void tamperedCookieCountsAsLoggedOut() {
        String cookie = signIn("jason");
        String[] parts = cookie.split("\\.");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString("admin".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        Document page = Pages.productPage(given().cookie("session", forged));
        assertTrue(page.getElementById("sign-in-button") != null, "sign-in button shown");
        assertFalse(detailsRequest().containsHeader("end-user"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "v1.", "v1..", "v1.amFzb24", "v1.amFzb24.!!!", "v2.amFzb24.abc"})
    void malformedCookieCountsAsLoggedOut(String value) {
        Document page = Pages.productPage(given().cookie("session", value));
        assertTrue(page.getElementById("sign-in-button") != null);
        assertFalse(detailsRequest().containsHeader("end-user"));
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
