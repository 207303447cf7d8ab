package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.FromAddress;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.InjectOidcProvider;
import dev.bookinfo.productpage.testing.OidcProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With {@code PUBLIC_URL} set, the sign-in callback and the return after sign-out come from it, whoever asks. */
@QuarkusTest
@TestProfile(PublicUrlTest.Profile.class)
class PublicUrlTest {

    static final String PUBLIC_URL = "https://bookinfo.example.com";

    public static class Profile extends OidcProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("PUBLIC_URL", PUBLIC_URL + "/");
        }
    }

    /** What the gateway's sidecar sends along with each request of a reader of the public site. */
    static final Map<String, String> THROUGH_THE_GATEWAY =
            Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "bookinfo.example.com");

    @InjectBackends
    BackendStubs backends;

    @InjectOidcProvider
    WireMockServer provider;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    private static String redirectUri(HttpResponse<String> login) {
        return OidcSignInTest.query(
                        URI.create(login.headers().firstValue("Location").orElseThrow()))
                .get("redirect_uri");
    }

    @Test
    void theCallbackIsOnThePublicUrlWhateverTheRequestSays() {
        assertEquals(
                PUBLIC_URL + "/callback",
                redirectUri(FromAddress.get(
                        FromAddress.STRANGER,
                        "/login",
                        Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example"))));
        assertEquals(
                PUBLIC_URL + "/callback",
                redirectUri(FromAddress.get(
                        FromAddress.SIDECAR,
                        "/login",
                        Map.of("X-Forwarded-Proto", "http", "X-Forwarded-Host", "evil.example"))),
                "even from a trusted proxy");
        assertEquals(PUBLIC_URL + "/callback", redirectUri(FromAddress.get(FromAddress.SIDECAR, "/login", Map.of())));
    }

    @Test
    void signInThroughThePublicUrlEndsOnItsProductPageWithSecureCookies() {
        Cookies session = OidcSignInTest.signIn(provider, THROUGH_THE_GATEWAY);
        List<io.restassured.http.Cookie> sessionCookies = session.asList().stream()
                .filter(c -> c.getName().startsWith("q_session"))
                .toList();
        assertEquals(3, sessionCookies.size(), session.toString());
        assertTrue(sessionCookies.stream().allMatch(io.restassured.http.Cookie::isSecured), session.toString());
        given().redirects()
                .follow(false)
                .headers(THROUGH_THE_GATEWAY)
                .cookies(session)
                .when()
                .get("/callback")
                .then()
                .statusCode(302)
                .header("Location", PUBLIC_URL + "/productpage");
    }

    @Test
    void aSignInStateCookieIsSecureEvenOverPlainHttp() {
        Response login = given().redirects().follow(false).when().get("/login");
        List<String> cookies = login.headers().getValues("Set-Cookie");
        assertTrue(!cookies.isEmpty() && cookies.stream().allMatch(c -> c.contains("; Secure")), cookies.toString());
    }

    @Test
    void theReturnAfterSignOutIsThePublicProductPageWhateverTheRequestSays() {
        Cookies session = OidcSignInTest.signIn(provider, THROUGH_THE_GATEWAY);
        for (String from : List.of(FromAddress.STRANGER, FromAddress.SIDECAR)) {
            HttpResponse<String> logout = FromAddress.get(
                    from,
                    "/logout",
                    Map.of(
                            "X-Forwarded-Proto",
                            "http",
                            "X-Forwarded-Host",
                            "evil.example",
                            "Cookie",
                            OidcSignInTest.cookieHeader(session)));
            assertEquals(302, logout.statusCode(), from);
            assertEquals(
                    PUBLIC_URL + "/productpage",
                    OidcSignInTest.query(URI.create(
                                    logout.headers().firstValue("Location").orElseThrow()))
                            .get("post_logout_redirect_uri"),
                    "from " + from);
        }
    }
}
