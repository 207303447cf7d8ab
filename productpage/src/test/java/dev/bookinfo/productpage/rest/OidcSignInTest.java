package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.FromAddress;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.InjectOidcProvider;
import dev.bookinfo.productpage.testing.OidcProfile;
import dev.bookinfo.productpage.testing.OidcProviderStub;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with an OpenID Connect provider configured like Auth0 (audience, nickname;
 * SECURITY.md#what-each-layer-checks), the fixed {@code /callback}, the access token sent to the backends, and
 * RP-initiated logout.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class OidcSignInTest {

    @InjectBackends
    BackendStubs backends;

    @InjectOidcProvider
    WireMockServer provider;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    private static String origin() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void signInSendsTheBrowserToTheProviderWithAudienceAndFixedCallback() {
        Response login = given().redirects().follow(false).when().get("/login");
        login.then().statusCode(302);
        URI location = URI.create(login.header("Location"));
        Map<String, String> query = query(location);
        assertEquals(
                provider.baseUrl() + "/authorize",
                location.getScheme() + "://" + location.getAuthority() + location.getPath());
        assertEquals("code", query.get("response_type"));
        assertEquals(OidcProviderStub.CLIENT_ID, query.get("client_id"));
        assertEquals(origin() + "/callback", query.get("redirect_uri"));
        assertEquals(OidcProviderStub.AUDIENCE, query.get("audience"));
        assertEquals(
                List.of("openid", "profile"),
                List.of(query.get("scope").split(" ")).stream().sorted().toList());
        assertTrue(query.containsKey("state"), "state parameter");
    }

    @Test
    void signInUsesPkceWithS256() throws NoSuchAlgorithmException {
        Response login = given().redirects().follow(false).when().get("/login");
        Map<String, String> query = query(URI.create(login.header("Location")));
        assertEquals("S256", query.get("code_challenge_method"));
        String challenge = query.get("code_challenge");
        assertTrue(challenge != null && challenge.matches("[A-Za-z0-9_-]{43}"), "code_challenge: " + challenge);

        // The verifier comes back with the code, from the encrypted state cookie, and matches the challenge.
        given().redirects()
                .follow(false)
                .cookies(login.detailedCookies())
                .queryParam("code", "code-from-the-provider")
                .queryParam("state", query.get("state"))
                .when()
                .get("/callback")
                .then()
                .statusCode(302);
        String tokenRequest = provider.findAll(postRequestedFor(urlEqualTo("/oauth/token")))
                .getLast()
                .getBodyAsString();
        Map<String, String> form = form(tokenRequest);
        String verifier = form.get("code_verifier");
        assertTrue(verifier != null && verifier.length() >= 43, "code_verifier in " + tokenRequest);
        assertEquals(
                challenge,
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(verifier.getBytes(StandardCharsets.US_ASCII))));
        assertFalse(login.headers().getValues("Set-Cookie").toString().contains(verifier), "verifier encrypted");
    }

    @Test
    void aForgedForwardedHostFromAnUntrustedAddressChangesNoRedirectUri() {
        HttpResponse<String> login = FromAddress.get(
                FromAddress.STRANGER,
                "/login",
                Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "evil.example",
                        "Forwarded",
                        "host=evil.example"));
        assertEquals(302, login.statusCode());
        assertEquals(
                FromAddress.origin() + "/callback",
                query(URI.create(login.headers().firstValue("Location").orElseThrow()))
                        .get("redirect_uri"));
        assertFalse(
                login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.contains("Secure")),
                "not Secure: the request came over plain http "
                        + login.headers().allValues("Set-Cookie"));
    }

    @Test
    void theSidecarsForwardedHostAndProtoAreTrusted() {
        HttpResponse<String> login = FromAddress.get(
                FromAddress.SIDECAR,
                "/login",
                Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "bookinfo.example.com"));
        assertEquals(302, login.statusCode());
        assertEquals(
                "https://bookinfo.example.com/callback",
                query(URI.create(login.headers().firstValue("Location").orElseThrow()))
                        .get("redirect_uri"));
    }

    @Test
    void theSidecarsForwardedHeaderCountsForNothingItsXForwardedPortDoes() {
        // The standard Forwarded header counts from nobody: only the X-Forwarded-* family does, as the docs say.
        HttpResponse<String> forwarded =
                FromAddress.get(FromAddress.SIDECAR, "/login", Map.of("Forwarded", "host=evil.example;proto=https"));
        assertEquals(
                FromAddress.origin() + "/callback",
                query(URI.create(forwarded.headers().firstValue("Location").orElseThrow()))
                        .get("redirect_uri"));
        HttpResponse<String> port = FromAddress.get(
                FromAddress.SIDECAR,
                "/login",
                Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "bookinfo.example.com",
                        "X-Forwarded-Port",
                        "8443"));
        assertEquals(
                "https://bookinfo.example.com:8443/callback",
                query(URI.create(port.headers().firstValue("Location").orElseThrow()))
                        .get("redirect_uri"));
    }

    @Test
    void aForgedForwardedHostFromAnUntrustedAddressChangesNoLogoutReturn() {
        Cookies session = signIn();
        HttpResponse<String> logout = FromAddress.get(
                FromAddress.STRANGER,
                "/logout",
                Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "evil.example",
                        "Cookie",
                        cookieHeader(session)));
        assertEquals(302, logout.statusCode());
        URI location = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertEquals(
                provider.baseUrl() + "/oidc/logout",
                location.getScheme() + "://" + location.getAuthority() + location.getPath());
        assertEquals(FromAddress.origin() + "/productpage", query(location).get("post_logout_redirect_uri"));
    }

    @Test
    void theSidecarsForwardedHostSetsTheLogoutReturn() {
        Cookies session = signIn();
        HttpResponse<String> logout = FromAddress.get(
                FromAddress.SIDECAR,
                "/logout",
                Map.of(
                        "X-Forwarded-Proto",
                        "https",
                        "X-Forwarded-Host",
                        "bookinfo.example.com",
                        "Cookie",
                        cookieHeader(session)));
        assertEquals(
                "https://bookinfo.example.com/productpage",
                query(URI.create(logout.headers().firstValue("Location").orElseThrow()))
                        .get("post_logout_redirect_uri"));
    }

    @Test
    void overTlsEveryCookieIsSecure() {
        Response login = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .when()
                .get("/login");
        List<String> stateCookies = login.headers().getValues("Set-Cookie");
        assertTrue(
                !stateCookies.isEmpty() && stateCookies.stream().allMatch(c -> c.contains("; Secure")),
                "state cookie: " + stateCookies);
        String state = query(URI.create(login.header("Location"))).get("state");
        Response callback = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .cookies(login.detailedCookies())
                .queryParam("code", "code-from-the-provider")
                .queryParam("state", state)
                .when()
                .get("/callback");
        callback.then().statusCode(302);
        List<String> sessionCookies = callback.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("q_session"))
                .toList();
        assertEquals(3, sessionCookies.size(), "q_session, q_session_at, q_session_rt: " + sessionCookies);
        assertTrue(
                sessionCookies.stream()
                        .allMatch(c -> c.contains("; Secure") && c.toLowerCase().contains("; httponly")),
                "Secure and HttpOnly: " + sessionCookies);
    }

    @Test
    void overPlainHttpTheCookiesAreNotSecure() {
        // The control for the test above: the attribute follows the request's scheme.
        Cookies session = signIn();
        assertTrue(session.asList().stream().noneMatch(io.restassured.http.Cookie::isSecured), session.toString());
    }

    @Test
    void behindATlsTerminatingGatewayTheCallbackIsHttpsOnThePublicHost() {
        Response login = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "bookinfo.example.com")
                .when()
                .get("/login");
        login.then().statusCode(302);
        assertEquals(
                "https://bookinfo.example.com/callback",
                query(URI.create(login.header("Location"))).get("redirect_uri"));
    }

    @Test
    void signedInUserSeesTheNameAndTheBackendsGetTheAccessToken() {
        Cookies session = signIn();

        Document page = Pages.productPage(given().cookies(session));
        assertEquals(OidcProviderStub.USER, page.selectFirst(".user-name").text());
        assertEquals("logout", page.selectFirst("a.sign-out").attr("href"));
        assertEquals(9, Pages.count(page.html(), "glyphicon glyphicon-star"), "filled stars of reviews v2 (5 + 4)");

        for (LoggedRequest request : List.of(
                backends.details.getAllServeEvents().get(0).getRequest(),
                backends.reviews.getAllServeEvents().get(0).getRequest())) {
            assertEquals(
                    "Bearer " + OidcProviderStub.accessToken,
                    request.getHeader("Authorization"),
                    "the access token, not the ID token, to " + request.getUrl());
            assertEquals(OidcProviderStub.USER, request.getHeader("end-user"));
        }
    }

    @Test
    void theSessionCookiesStayHomeTheTokenGoesAsBearerOnly() {
        Cookies session = signIn();
        assertTrue(session.asList().size() >= 3, "q_session, q_session_at, q_session_rt: " + session);
        given().cookies(session)
                .cookie("theme", "dark")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);
        given().cookies(session)
                .cookie("theme", "dark")
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        for (LoggedRequest request : List.of(
                backends.details.getAllServeEvents().get(0).getRequest(),
                backends.reviews.getAllServeEvents().get(0).getRequest(),
                backends.ratings.getAllServeEvents().get(0).getRequest())) {
            assertEquals("theme=dark", request.getHeader("Cookie"), "cookies to " + request.getUrl());
            assertEquals("Bearer " + OidcProviderStub.accessToken, request.getHeader("Authorization"));
        }
    }

    @Test
    void theUsersTokenWinsOverAnIncomingAuthorizationHeader() {
        Cookies session = signIn();
        given().cookies(session)
                .header("Authorization", "Bearer sent-by-the-browser")
                .when()
                .get("/api/v1/products/0/ratings")
                .then()
                .statusCode(200);
        LoggedRequest request = backends.ratings.getAllServeEvents().get(0).getRequest();
        assertEquals("Bearer " + OidcProviderStub.accessToken, request.getHeader("Authorization"));
    }

    @Test
    void anonymousVisitorsSendNoTokenAndSeeASignInLink() {
        Document page = Pages.productPage(given());
        assertEquals("login", page.selectFirst("a#sign-in-link").attr("href"));
        assertEquals("Sign in", page.selectFirst("a#sign-in-link").text());
        assertTrue(page.select(".user-name").isEmpty(), "nobody is signed in");
        LoggedRequest details = backends.details.getAllServeEvents().get(0).getRequest();
        assertFalse(details.containsHeader("Authorization"), "no token for an anonymous visitor");
        assertFalse(details.containsHeader("end-user"));
    }

    @Test
    void anonymousVisitorsIncomingAuthorizationIsCopiedAsUpstreamDoes() {
        given().header("Authorization", "Bearer sent-by-the-browser")
                .when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(200);
        LoggedRequest details = backends.details.getAllServeEvents().get(0).getRequest();
        assertEquals("Bearer sent-by-the-browser", details.getHeader("Authorization"));
    }

    @Test
    void theDemoCookieCountsForNothing() {
        String demoCookie = given().redirects()
                .follow(false)
                .formParam("username", "jason")
                .when()
                .post("/login")
                .then()
                .statusCode(303)
                .header("Location", origin() + "/login")
                .extract()
                .cookie("session");
        assertEquals(null, demoCookie, "no demo session is handed out");
        Document page = Pages.productPage(given().cookie("session", "v1.amFzb24.forged"));
        assertTrue(page.select(".user-name").isEmpty(), "nobody is signed in");
    }

    @Test
    void callbackWithoutCodeGoesToTheProductPage() {
        given().redirects()
                .follow(false)
                .when()
                .get("/callback")
                .then()
                .statusCode(302)
                .header("Location", origin() + "/productpage");
    }

    @Test
    void signedInVisitToLoginGoesToTheProductPage() {
        Cookies session = signIn();
        given().redirects()
                .follow(false)
                .cookies(session)
                .when()
                .get("/login")
                .then()
                .statusCode(302)
                .header("Location", origin() + "/productpage");
    }

    @Test
    void signOutEndsTheSessionHereAndAtTheProvider() {
        Cookies session = signIn();
        Response logout =
                given().redirects().follow(false).cookies(session).when().get("/logout");
        logout.then().statusCode(302);
        URI location = URI.create(logout.header("Location"));
        Map<String, String> query = query(location);
        assertEquals(
                provider.baseUrl() + "/oidc/logout",
                location.getScheme() + "://" + location.getAuthority() + location.getPath());
        assertEquals(origin() + "/productpage", query.get("post_logout_redirect_uri"));
        assertEquals(OidcProviderStub.idToken, query.get("id_token_hint"));
        assertTrue(
                logout.headers().getValues("Set-Cookie").stream()
                        .anyMatch(cookie -> cookie.startsWith("q_session=") && cookie.contains("Max-Age=0")),
                "session cookie removed: " + logout.headers().getValues("Set-Cookie"));

        Document page = Pages.productPage(given());
        assertTrue(page.select(".user-name").isEmpty(), "signed out");
    }

    /** The browser's round trip: /login, (the provider signs jason in), /callback with the code. */
    private Cookies signIn() {
        return signIn(provider, Map.of());
    }

    /** The same round trip, each request with {@code headers} (from 127.0.0.1, a trusted proxy address). */
    static Cookies signIn(WireMockServer provider, Map<String, String> headers) {
        Response login =
                given().redirects().follow(false).headers(headers).when().get("/login");
        login.then().statusCode(302);
        String state = query(URI.create(login.header("Location"))).get("state");

        Response callback = given().redirects()
                .follow(false)
                .headers(headers)
                .cookies(login.detailedCookies())
                .queryParam("code", "code-from-the-provider")
                .queryParam("state", state)
                .when()
                .get("/callback");
        callback.then().statusCode(302).header("Location", containsString("/callback"));
        provider.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withRequestBody(containsStringPattern("code=code-from-the-provider")));
        Cookies cookies = callback.detailedCookies();
        assertTrue(cookies.hasCookieWithName("q_session"), "session cookie: " + cookies);
        return cookies;
    }

    static String cookieHeader(Cookies cookies) {
        return String.join(
                "; ",
                cookies.asList().stream()
                        .map(c -> c.getName() + "=" + c.getValue())
                        .toList());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern containsStringPattern(String text) {
        return com.github.tomakehurst.wiremock.client.WireMock.containing(text);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
