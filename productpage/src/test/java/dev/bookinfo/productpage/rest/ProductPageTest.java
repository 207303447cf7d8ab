package dev.bookinfo.productpage.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.productpage.testing.BackendStubs.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.DemoSessions;
import dev.bookinfo.productpage.testing.Fixtures;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.Pages;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The strings, structure and rendering rules of {@code /productpage} (docs/upstream.md#page-rendering-rules,
 * docs/upstream.md#page-strings-istio-relies-on), in a complete HTML5 document with upstream's markup bug fixed
 * (docs/upstream.md#what-we-fix). Every page is parsed strictly: any HTML5 parse error fails the test.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class ProductPageTest {

    static final String DESCRIPTION = "Wikipedia Summary: The Comedy of Errors is one of William Shakespeare's early "
            + "plays. It is his shortest and one of his most farcical comedies, with a major part of the humour coming "
            + "from slapstick and mistaken identity, in addition to puns and word play.";

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    private String pageHtml() {
        return given().when()
                .get("/productpage")
                .then()
                .statusCode(200)
                .header("Content-Type", Pages.HTML)
                .extract()
                .asString();
    }

    private static List<Element> reviewSections(Document page) {
        return page.select(".reviews > section.review");
    }

    private static int filled(Element review) {
        return review.select("svg[id=glyphicon glyphicon-star]").size();
    }

    private static int empty(Element review) {
        return review.select("svg.star:not([id])").size();
    }

    /**
     * The istio.io tests count the marker {@code glyphicon glyphicon-star}: once per filled star, and the
     * word "glyphicon" nowhere else (it occurs twice in the marker itself).
     */
    private static void assertGlyphicons(int filledStars, String html) {
        assertEquals(filledStars, Pages.count(html, "glyphicon glyphicon-star"));
        assertEquals(2 * filledStars, Pages.count(html, "glyphicon"));
    }

    private static void assertDescription(Document page) {
        assertEquals(
                "The Comedy of Errors",
                page.selectFirst("section.description h1").text());
        Element description = page.selectFirst("section.description p");
        assertEquals(DESCRIPTION, description.text());
        assertEquals("William Shakespeare's", description.selectFirst("b").text());
        assertEquals(
                "https://en.wikipedia.org/wiki/The_Comedy_of_Errors",
                description.selectFirst("a").attr("href"));
        Element learnMore = page.selectFirst("a.learn-more");
        assertEquals("Learn more about Istio →", learnMore.text());
        assertEquals("https://istio.io", learnMore.attr("href"));
        assertEquals("_blank", learnMore.attr("target"));
    }

    private static void assertDetailsTable(Document page) {
        assertEquals("Book Details", page.selectFirst("section.details h4").text());
        assertEquals(
                List.of("ISBN-10", "Publisher", "Pages", "Type", "Language"),
                page.select("section.details thead th").eachText());
        assertEquals(
                List.of("1234567890", "PublisherA", "200", "paperback", "English"),
                page.select("section.details tbody td").eachText());
        assertFalse(page.text().contains("Error fetching product details"));
    }

    @Test
    void pageIsACompleteHtml5Document() {
        String html = pageHtml();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
        assertTrue(html.contains("<title>Simple Bookstore App</title>"));
        Document page = Pages.parseStrict(html);
        assertEquals(1, page.select("html").size());
        assertEquals(1, page.select("head").size());
        assertEquals(1, page.select("body").size());
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals("Simple Bookstore App", page.title());
        assertNotNull(page.selectFirst("head > meta[charset=utf-8]"));
        assertNotNull(page.selectFirst("head > meta[name=viewport][content=width=device-width, initial-scale=1.0]"));
        assertEquals(
                "/static/css/bookinfo.css",
                page.selectFirst("head > link[rel=stylesheet]").attr("href"));
        assertEquals("/static/js/bookinfo.js", page.selectFirst("head > script").attr("src"));
    }

    @Test
    void loggedOutPageHasTheSignInButtonAndDialog() {
        Document page = Pages.productPage();
        assertEquals("BookInfo Sample", page.selectFirst("nav a.brand").text());
        Element signIn = page.getElementById("sign-in-button");
        assertEquals("button", signIn.tagName());
        assertEquals("button", signIn.attr("type"));
        assertEquals("Sign in", signIn.text());
        assertNull(page.selectFirst("a[href=logout]"));

        Element dialog = page.getElementById("dialog");
        assertEquals("dialog", dialog.tagName());
        assertNotNull(dialog.getElementById("close-dialog"));
        assertEquals("Close", dialog.selectFirst("#close-dialog .sr-only").text());
        assertEquals("Sign in to BookInfo", dialog.selectFirst("h2").text());
        Element form = dialog.selectFirst("form");
        assertEquals("post", form.attr("method"));
        assertEquals("login", form.attr("action"));
        assertEquals("login_form", form.attr("name"));
        assertEquals(List.of("Username", "Password"), form.select("label").eachText());
        Element username = form.getElementById("username");
        assertEquals("username", username.attr("name"));
        assertTrue(username.hasAttr("required"));
        Element password = form.getElementById("password");
        assertEquals("passwd", password.attr("name"));
        assertEquals("password", password.attr("type"));
        assertTrue(password.hasAttr("required"));
        assertEquals("Sign in", form.selectFirst("button[type=submit]").text());
        Element footer = dialog.selectFirst(".dialog-footer");
        assertEquals("Not using Istio yet? Start here", footer.text());
        assertEquals("https://istio.io", footer.selectFirst("a").attr("href"));
        assertEquals("_blank", footer.selectFirst("a").attr("target"));
    }

    @Test
    void loggedInPageShowsTheEscapedUserNameAndSignOut() {
        // The login form refuses such a name, but a provider's display name may be anything.
        String user = "<script>alert('x')</script> & \"friends\"";
        String html = given().cookie("session", DemoSessions.mint(user, Instant.now()))
                .when()
                .get("/productpage")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(html.contains("<script>alert"), "user name not escaped");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"), html);
        Document page = Pages.parseStrict(html);
        assertEquals(user, page.selectFirst("nav .user .user-name").text());
        assertEquals(
                "/static/img/avatar.svg",
                page.selectFirst("nav .user img.avatar").attr("src"));
        Element signOut = page.selectFirst("nav a[href=logout]");
        assertEquals("Sign out", signOut.text());
        assertNull(page.getElementById("sign-in-button"));
        assertEquals(1, page.select("head > script").size(), "no script besides our own");
    }

    @Test
    void healthyPageShowsDescriptionDetailsAndReviews() {
        Document page = Pages.productPage();
        assertDescription(page);
        assertDetailsTable(page);
        assertEquals("Book Reviews", page.selectFirst(".reviews-band h4").text());
        List<Element> reviews = reviewSections(page);
        assertEquals(2, reviews.size());
        assertEquals(
                "\"" + Fixtures.TEXT1 + "\"",
                reviews.get(0).selectFirst("blockquote > p").text());
        assertEquals(
                "\"" + Fixtures.TEXT2 + "\"",
                reviews.get(1).selectFirst("blockquote > p").text());
        assertEquals("Reviewer1", reviews.get(0).selectFirst(".reviewer-name").text());
        assertEquals("Reviewer2", reviews.get(1).selectFirst(".reviewer-name").text());
        for (Element review : reviews) {
            assertEquals(
                    "Reviews served by: reviews-v2-7d4b8c",
                    review.selectFirst(".served-by").text());
            assertEquals(
                    "/static/img/avatar.svg",
                    review.selectFirst(".reviewer img").attr("src"));
        }
        assertFalse(page.text().contains("Error fetching"));
    }

    @Test
    void reviewsV2DrawsBlackStarsFilledThenEmpty() {
        String html = pageHtml();
        Document page = Pages.parseStrict(html);
        List<Element> reviews = reviewSections(page);
        assertEquals(5, filled(reviews.get(0)));
        assertEquals(0, empty(reviews.get(0)));
        assertEquals(4, filled(reviews.get(1)));
        assertEquals(1, empty(reviews.get(1)));
        assertEquals(2, page.select("div.stars.stars-black").size());
        // Filled stars come first, then the empty ones.
        Elements stars = reviews.get(1).select("svg.star");
        assertEquals("glyphicon glyphicon-star", stars.get(3).id());
        assertEquals("", stars.get(4).id());
        assertGlyphicons(9, html);
        assertFalse(html.contains("Ratings service is currently unavailable"));
    }

    @Test
    void reviewsV3DrawsRedStars() {
        backends.reviews("0", json(Fixtures.REVIEWS_V3));
        String html = pageHtml();
        Document page = Pages.parseStrict(html);
        assertEquals(2, page.select("div.stars.stars-red").size());
        assertEquals(0, page.select("div.stars-black").size());
        assertGlyphicons(9, html);
        assertEquals(
                "Reviews served by: reviews-v3-9f2e1a",
                reviewSections(page).get(0).selectFirst(".served-by").text());
    }

    @Test
    void reviewsV1HasNoRatingArea() {
        backends.reviews("0", json(Fixtures.REVIEWS_V1));
        String html = pageHtml();
        Document page = Pages.parseStrict(html);
        assertEquals(2, reviewSections(page).size());
        assertEquals(0, page.select("svg.star").size());
        assertEquals(0, page.select(".stars, .rating-error").size());
        assertFalse(html.contains("glyphicon"));
        assertFalse(html.contains("Ratings service is currently unavailable"));
    }

    @Test
    void ratingsDownShowsTheRatingErrorInEveryReview() {
        backends.reviews("0", json(Fixtures.REVIEWS_RATINGS_DOWN));
        String html = pageHtml();
        Document page = Pages.parseStrict(html);
        for (Element review : reviewSections(page)) {
            assertEquals(
                    "Ratings service is currently unavailable",
                    review.selectFirst("p.rating-error").text());
            assertEquals(0, review.select("svg").size());
        }
        assertFalse(html.contains("glyphicon"));
        assertEquals(2, Pages.count(html, "Ratings service is currently unavailable"));
    }

    @Test
    void zeroOrNegativeStarsDrawNothing() {
        backends.reviews("0", json(Fixtures.reviewsWithStars(0, -2, "black")));
        String html = pageHtml();
        Document page = Pages.parseStrict(html);
        assertEquals(0, page.select("svg.star, .stars, .rating-error").size());
        assertFalse(html.contains("glyphicon"));
    }

    @Test
    void glyphiconCountIsTheSumOfFilledStars() {
        backends.reviews("0", json(Fixtures.reviewsWithStars(1, 3, "black")));
        String html = pageHtml();
        Document page = Pages.parseStrict(html);
        assertGlyphicons(4, html);
        assertEquals(
                List.of(1, 3),
                reviewSections(page).stream().map(ProductPageTest::filled).toList());
        assertEquals(
                List.of(4, 2),
                reviewSections(page).stream().map(ProductPageTest::empty).toList());
    }

    @Test
    void moreThanFiveStarsAreCappedAtFive() {
        backends.reviews("0", json(Fixtures.reviewsWithStars(1000000, 5, "red")));
        String html = pageHtml();
        assertGlyphicons(10, html);
        assertEquals(0, Pages.parseStrict(html).select("svg.star:not([id])").size());
    }

    @Test
    void clusterNameIsShownUnlessItIsTheStringNull() {
        backends.reviews("0", json(Fixtures.reviews("reviews-v1-5c8d9f", "east-1", "", "")));
        Document page = Pages.productPage();
        for (Element review : reviewSections(page)) {
            assertEquals(
                    "Reviews served by: reviews-v1-5c8d9f on cluster east-1",
                    review.selectFirst(".served-by").text());
        }
    }

    @Test
    void reviewTextsAreEscapedAndQuoted() {
        backends.reviews(
                "0",
                json("{\"podname\": \"p<1>\", \"clustername\": \"null\", \"reviews\": "
                        + "[{\"reviewer\": \"<i>R</i>\", \"text\": \"<img src=x onerror=alert(1)>\", "
                        + "\"rating\": {\"stars\": 2, \"color\": \"red\\\" onmouseover=\\\"x\"}}]}"));
        String html = pageHtml();
        assertFalse(html.contains("<img src=x"));
        assertFalse(html.contains("<i>R</i>"));
        Document page = Pages.parseStrict(html);
        Element review = reviewSections(page).get(0);
        assertEquals(
                "\"<img src=x onerror=alert(1)>\"",
                review.selectFirst("blockquote > p").text());
        assertEquals("<i>R</i>", review.selectFirst(".reviewer-name").text());
        assertEquals("Reviews served by: p<1>", review.selectFirst(".served-by").text());
        assertFalse(review.selectFirst("div.stars").hasAttr("onmouseover"));
    }

    @Test
    void detailsDownShowsTheDetailsErrorAndTheRest() {
        backends.details("0", json(503, "{\"error\": \"Service unavailable\"}"));
        Document page = Pages.productPage();
        Element details = page.selectFirst("section.details");
        assertEquals(
                "Error fetching product details",
                details.selectFirst("p.error-title").text());
        assertEquals(
                "Sorry, product details are currently unavailable for this book.",
                details.selectFirst("p.error-text").text());
        assertNull(details.selectFirst("table"));
        assertFalse(page.text().contains("Book Details"));
        assertTrue(page.text().contains("William Shakespeare"));
        assertEquals(2, reviewSections(page).size());
        backends.details.verify(1, getRequestedFor(urlEqualTo("/details/0")));
    }

    @Test
    void reviewsDownShowsTheReviewsErrorAndTheRest() {
        backends.reviews("0", json(503, "{}"));
        String html = pageHtml();
        Document page = Pages.parseStrict(html);
        Element band = page.selectFirst(".reviews-band");
        assertEquals(
                "Error fetching product reviews",
                band.selectFirst("p.error-title").text());
        assertEquals(
                "Sorry, product reviews are currently unavailable for this book.",
                band.selectFirst("p.error-text").text());
        assertEquals(0, reviewSections(page).size());
        assertFalse(page.text().contains("Book Reviews"));
        assertFalse(html.contains("glyphicon"));
        assertDetailsTable(page);
        assertDescription(page);
        backends.reviews.verify(2, getRequestedFor(urlEqualTo("/reviews/0")));
    }

    @Test
    void nonJsonBodiesShowTheErrorBlocks() {
        backends.details("0", WireMock.aResponse().withStatus(200).withBody("<html>oops</html>"));
        backends.reviews("0", WireMock.aResponse().withStatus(200).withBody("[1, 2"));
        Document page = Pages.productPage();
        assertEquals(
                List.of("Error fetching product details", "Error fetching product reviews"),
                page.select("p.error-title").eachText());
    }

    @Test
    void everythingDownStillAnswers200() {
        backends.details("0", json(500, "{}"));
        backends.reviews(
                "0", WireMock.aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE));
        Document page = Pages.productPage();
        assertEquals(
                List.of("Error fetching product details", "Error fetching product reviews"),
                page.select("p.error-title").eachText());
        assertEquals("Simple Bookstore App", page.title());
        assertTrue(page.text().contains("William Shakespeare"));
    }

    @Test
    void pageNeverCallsRatingsAndAsksForProductZero() {
        Pages.productPage();
        backends.ratings.verify(0, anyRequestedFor(anyUrl()));
        backends.details.verify(1, anyRequestedFor(anyUrl()));
        backends.reviews.verify(1, anyRequestedFor(anyUrl()));
        backends.details.verify(1, getRequestedFor(urlEqualTo("/details/0")));
        backends.reviews.verify(1, getRequestedFor(urlEqualTo("/reviews/0")));
    }

    @Test
    void detailsAndReviewsAreFetchedInParallel() {
        backends.details("0", json(Fixtures.DETAILS_V1).withFixedDelay(1500));
        Pages.productPage();
        long details = backends.details
                .findAll(getRequestedFor(urlEqualTo("/details/0")))
                .get(0)
                .getLoggedDate()
                .getTime();
        long reviews = backends.reviews
                .findAll(getRequestedFor(urlEqualTo("/reviews/0")))
                .get(0)
                .getLoggedDate()
                .getTime();
        // Sequential calls would reach reviews only after details answered, 1.5 s later.
        assertTrue(Math.abs(reviews - details) < 1000, "reviews called " + (reviews - details) + " ms after details");
    }

    @Test
    void queryParametersAreIgnored() {
        String normal = given().when()
                .get("/productpage?u=normal")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String test = given().when()
                .get("/productpage?u=test")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(normal, test);
    }

    @Test
    void headAnswersWithHeadersOnly() {
        given().when()
                .head("/productpage")
                .then()
                .statusCode(200)
                .header("Content-Type", Pages.HTML)
                .body(is(emptyString()));
    }

    @Test
    void postIsNotAllowed() {
        given().when().post("/productpage").then().statusCode(405);
    }
}
