package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.InjectBackends;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of response carries the Content-Security-Policy, framing, referrer and sniffing headers, and the pages
 * keep to the policy (no inline script or style), so that it breaks nothing.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class ResponseHeadersTest {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
        backends.details("7", BackendStubs.json(503, "{}"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET,    /productpage,                 200",
        "HEAD,   /productpage,                 200",
        "GET,    /,                            200",
        "GET,    /index.html,                  200",
        "GET,    /api/v1/products,             200",
        "GET,    /api/v1/products/0,           200",
        "GET,    /api/v1/products/0/reviews,   200",
        "GET,    /api/v1/products/0/ratings,   200",
        "GET,    /api/v1/products/7,           503",
        "GET,    /static/css/bookinfo.css,     200",
        "GET,    /static/js/bookinfo.js,       200",
        "GET,    /static/img/avatar.svg,       200",
        "GET,    /static/nothing.js,           404",
        "GET,    /health,                      200",
        "GET,    /metrics,                     200",
        "GET,    /q/health/ready,              200",
        "GET,    /no/such/page,                404",
        "GET,    /productpage/,                404",
        "GET,    /login,                       405",
        "POST,   /productpage,                 405",
        "POST,   /static/css/bookinfo.css,     405",
        "POST,   /login?username=a%0Db,        400",
        "POST,   /login?username=jason,        302",
        "GET,    /logout,                      302"
    })
    void everyResponseCarriesTheSecurityHeaders(String method, String path, int status) {
        Response response = given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .when()
                .request(method, path);
        response.then()
                .statusCode(status)
                .header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void thePagesUseNoInlineScriptOrStyle() {
        backends.healthy();
        for (String path : new String[] {"/productpage", "/"}) {
            String html =
                    given().when().get(path).then().statusCode(200).extract().asString();
            Document page = Jsoup.parse(html);
            assertTrue(page.select("style").isEmpty(), path + ": <style> element");
            for (Element script : page.select("script")) {
                assertTrue(script.hasAttr("src") && script.data().isBlank(), path + ": inline script " + script);
                assertTrue(script.attr("src").startsWith("/static/"), path + ": script from elsewhere " + script);
            }
            for (Element element : page.getAllElements()) {
                assertTrue(!element.hasAttr("style"), path + ": style attribute on " + element.tagName());
                for (Attribute attribute : element.attributes()) {
                    assertTrue(
                            !attribute.getKey().toLowerCase().startsWith("on"),
                            path + ": event handler attribute " + attribute + " on " + element.tagName());
                    assertTrue(
                            !attribute.getValue().trim().toLowerCase().startsWith("javascript:"),
                            path + ": javascript: URL " + attribute);
                }
            }
            for (Element resource : page.select("link[href], img[src]")) {
                String url = resource.hasAttr("href") ? resource.attr("href") : resource.attr("src");
                assertTrue(url.startsWith("/static/"), path + ": resource from elsewhere " + resource);
            }
        }
    }

    @Test
    void theStaticScriptAndStylesheetAreServedUnderTheirTypes() {
        // nosniff makes the browser refuse a script or stylesheet served under another type.
        String script = given().when()
                .get("/static/js/bookinfo.js")
                .then()
                .statusCode(200)
                .extract()
                .contentType();
        assertTrue(script.startsWith("text/javascript") || script.startsWith("application/javascript"), script);
        String css = given().when()
                .get("/static/css/bookinfo.css")
                .then()
                .statusCode(200)
                .extract()
                .contentType();
        assertTrue(css.startsWith("text/css"), css);
    }
}
