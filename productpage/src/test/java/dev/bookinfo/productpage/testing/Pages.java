package dev.bookinfo.productpage.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.parser.ParseErrorList;
import org.jsoup.parser.Parser;

/** Helpers for reading pages and metrics in tests. */
public final class Pages {

    public static final String HTML = "text/html; charset=utf-8";

    private Pages() {}

    /** Parses {@code html} and fails on any HTML5 parse error (unclosed or misnested elements, stray text...). */
    public static Document parseStrict(String html) {
        Parser parser = Parser.htmlParser().setTrackErrors(50);
        Document document = parser.parseInput(html, "http://localhost/");
        ParseErrorList errors = parser.getErrors();
        assertEquals("[]", errors.toString(), "HTML5 parse errors");
        return document;
    }

    /** GET /productpage with the given request, expecting 200 HTML, parsed strictly. */
    public static Document productPage(RequestSpecification request) {
        String html = request.when()
                .get("/productpage")
                .then()
                .statusCode(200)
                .header("Content-Type", HTML)
                .extract()
                .asString();
        return parseStrict(html);
    }

    public static Document productPage() {
        return productPage(given());
    }

    /** How often {@code needle} occurs in {@code haystack}. */
    public static int count(String haystack, String needle) {
        int count = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }

    /** The current value of {@code request_result_total} for a backend and status, 0 when absent. */
    public static double requestResults(String backend, int status) {
        String metrics =
                given().when().get("/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^request_result_total\\{destination_app=\"" + backend
                        + "\",response_code=\"" + status + "\",?} (\\S+)$")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
