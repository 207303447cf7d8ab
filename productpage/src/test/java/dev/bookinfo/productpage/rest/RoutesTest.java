package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.DemoSessions;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Routes, methods, 404s (docs/upstream.md#productpage-routes), the index page (docs/upstream.md#index-page), our own
 * static assets.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class RoutesTest {

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    @Test
    void healthIsPlainText() {
        given().when()
                .get("/health")
                .then()
                .statusCode(200)
                .header("Content-Type", Pages.HTML)
                .body(is("Product page is healthy"));
    }

    @Test
    void quarkusHealthChecksAreUp() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html"})
    void indexPageShowsTheServiceTreeWithTheConfiguredUrls(String path) {
        String html = given().when()
                .get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", Pages.HTML)
                .extract()
                .asString();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        Document page = Pages.parseStrict(html);
        assertEquals(
                "Hello! This is a simple bookstore application consisting of three services as shown below",
                page.selectFirst("h3").text());
        String details = backends.details.baseUrl();
        String reviews = backends.reviews.baseUrl();
        String ratings = backends.ratings.baseUrl();
        Element tree = page.selectFirst("body table");
        assertEquals("table table-condensed table-bordered table-hover", tree.className());
        assertEquals(
                List.of("name", "endpoint", "children"),
                tree.select("> tbody > tr > th").eachText());
        assertEquals(details, tree.selectFirst("> tbody > tr > td").text());
        Element children = tree.selectFirst("> tbody > tr:eq(2) > td > table");
        assertEquals(
                List.of("name", "endpoint", "children"),
                children.select("> thead > tr > th").eachText());
        List<Element> rows = children.select("> tbody > tr");
        assertEquals(List.of(details, "details", ""), texts(rows.get(0).select("> td")));
        assertEquals(reviews, rows.get(1).selectFirst("> td").text());
        assertEquals("reviews", rows.get(1).select("> td").get(1).text());
        Element grandChildren = rows.get(1).selectFirst("> td > table");
        assertEquals(List.of(ratings, "ratings", ""), texts(grandChildren.select("> tbody > tr > td")));
        assertTrue(
                page.text()
                        .contains(
                                "Click on one of the links below to auto generate a request to the backend as a real user or a tester"));
        assertEquals(
                "/productpage?u=normal",
                page.selectFirst("a:contains(Normal user)").attr("href"));
        assertEquals(
                "/productpage?u=test", page.selectFirst("a:contains(Test user)").attr("href"));
    }

    private static List<String> texts(List<Element> elements) {
        return elements.stream().map(Element::text).toList();
    }

    @Test
    void optionsListsTheAllowedMethods() {
        given().when()
                .options("/productpage")
                .then()
                .statusCode(200)
                .header("Allow", containsString("GET"))
                .header("Allow", containsString("HEAD"))
                .header("Allow", not(containsString("POST")));
        given().when()
                .options("/login")
                .then()
                .statusCode(200)
                .header("Allow", containsString("POST"))
                .header("Allow", not(containsString("GET")));
    }

    @Test
    void headOnTheIndexHasNoBody() {
        given().when()
                .head("/")
                .then()
                .statusCode(200)
                .header("Content-Type", Pages.HTML)
                .body(is(emptyString()));
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /login",
        "POST, /logout",
        "POST, /productpage",
        "PUT, /productpage",
        "DELETE, /api/v1/products/0",
        "POST, /api/v1/products",
        "POST, /health",
        "POST, /metrics",
        "POST, /static/css/bookinfo.css",
        "DELETE, /static/img/avatar.svg",
        "DELETE, /"
    })
    void unsupportedMethodsOnKnownPathsAre405(String method, String path) {
        given().when().request(method, path).then().statusCode(405).body(is(emptyString()));
    }

    /** HTTP requires {@code Allow} on a 405; upstream's Flask sends {@code POST, OPTIONS} for {@code GET /login}. */
    @ParameterizedTest
    @CsvSource({
        "GET, /login, 'POST, OPTIONS'",
        "POST, /logout, 'GET, HEAD, OPTIONS'",
        "POST, /productpage, 'GET, HEAD, OPTIONS'",
        "DELETE, /api/v1/products/0/reviews, 'GET, HEAD, OPTIONS'",
        "PUT, /health, 'GET, HEAD, OPTIONS'",
        "POST, /index.html, 'GET, HEAD, OPTIONS'",
        "POST, /static/css/bookinfo.css, 'GET, HEAD'"
    })
    void aMethodNotAllowedNamesTheAllowedOnes(String method, String path, String allow) {
        given().when().request(method, path).then().statusCode(405).header("Allow", allow);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/productpage/",
                "/api/v1/products/",
                "/api/v1/products/0/",
                "/api/v1/products/0/reviews/",
                "/health/",
                "/nope",
                "/api/v1/products/0/details",
                "/static/",
                "/static/nope.css",
                "/static/tailwind/tailwind.css",
                "/static/img/izzy.png",
                "/callback"
            })
    void unknownPathsAre404(String path) {
        given().when().get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @CsvSource({
        "/static/css/bookinfo.css, text/css",
        "/static/js/bookinfo.js, text/javascript",
        "/static/img/avatar.svg, image/svg+xml"
    })
    void ownStaticAssetsAreServed(String path, String type) {
        given().when().get(path).then().statusCode(200).header("Content-Type", startsWith(type));
    }

    private static String signedIn() {
        return DemoSessions.signIn("jason");
    }

    @Test
    void pageUsesOnlyItsOwnAssets() {
        Document page = Pages.productPage(given().cookie("session", signedIn()));
        List<String> assets =
                new java.util.ArrayList<>(page.select("link[href]").eachAttr("href"));
        assets.addAll(page.select("script[src], img[src]").eachAttr("src"));
        assertEquals(
                List.of("/static/css/bookinfo.css", "/static/js/bookinfo.js", "/static/img/avatar.svg"),
                assets.stream().distinct().toList());
        for (String asset : assets) {
            given().when().get(asset).then().statusCode(200);
        }
    }
}
