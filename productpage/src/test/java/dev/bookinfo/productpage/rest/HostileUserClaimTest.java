package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.InjectOidcProvider;
import dev.bookinfo.productpage.testing.OidcProfile;
import dev.bookinfo.productpage.testing.OidcProviderStub;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Cookies;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code OIDC_USER_CLAIM} names a claim the user chose at the provider; one with a CR/LF in it is shown on the page
 * (escaped) but never becomes the {@code end-user} header, nor a header of its own.
 */
@QuarkusTest
@TestProfile(HostileUserClaimTest.Profile.class)
class HostileUserClaimTest {

    public static class Profile extends OidcProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("OIDC_USER_CLAIM", "hostile_name");
        }
    }

    @InjectBackends
    BackendStubs backends;

    @InjectOidcProvider
    WireMockServer provider;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    @Test
    void aHostileDisplayNameReachesNoHeader() {
        Cookies session = OidcSignInTest.signIn(provider, Map.of());
        Document page = Pages.productPage(given().cookies(session));
        assertEquals(
                OidcProviderStub.HOSTILE_NAME.replaceAll("\\s+", " "),
                page.selectFirst(".user-name").text());
        given().cookies(session).when().get("/api/v1/products/0/ratings").then().statusCode(200);
        for (LoggedRequest request : List.of(
                backends.details.getAllServeEvents().get(0).getRequest(),
                backends.reviews.getAllServeEvents().get(0).getRequest(),
                backends.ratings.getAllServeEvents().get(0).getRequest())) {
            assertFalse(request.containsHeader("end-user"), "end-user to " + request.getUrl());
            assertFalse(request.containsHeader("x-injected"), "injected header to " + request.getUrl());
            assertEquals(
                    "Bearer " + OidcProviderStub.accessToken,
                    request.getHeader("Authorization"),
                    "still signed in for " + request.getUrl());
        }
    }
}
