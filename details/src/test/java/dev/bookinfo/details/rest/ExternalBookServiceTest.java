package dev.bookinfo.details.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.bookinfo.common.PropagatedHeaders;
import dev.bookinfo.details.testing.ExternalBookServiceProfile;
import dev.bookinfo.details.testing.GoogleBooksStub;
import dev.bookinfo.details.testing.InjectGoogleBooks;
import dev.bookinfo.security.testing.RawRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * details v2 (docs/upstream.md#details-v2-google-books), forwarded headers included, against a WireMock Google Books.
 */
@QuarkusTest
@TestProfile(ExternalBookServiceProfile.class)
class ExternalBookServiceTest {

    /**
     * Upstream's request, {@code GET /books/v1/volumes?q=isbn:0486424618}. The REST client percent-encodes the
     * colon ({@code isbn%3A0486424618}), which means the same to Google; WireMock compares decoded values.
     */
    static RequestPatternBuilder volumesRequest() {
        return getRequestedFor(urlPathEqualTo("/books/v1/volumes")).withQueryParam("q", equalTo("isbn:0486424618"));
    }

    /** What upstream details v2 answers for the real Google volume (as in Istio's egress tasks). */
    static final String COMEDY_OF_ERRORS = "{\"id\":0,\"author\":\"William Shakespeare\",\"year\":\"1998\","
            + "\"type\":\"paperback\",\"pages\":79,\"publisher\":\"Courier Corporation\",\"language\":\"English\","
            + "\"ISBN-10\":\"0486424618\",\"ISBN-13\":\"9780486424613\"}";

    /** Set by {@link GoogleBooksStub}. */
    @InjectGoogleBooks
    WireMockServer googleBooks;

    @BeforeEach
    void resetStubs() {
        googleBooks.resetAll();
    }

    /** A realistic {@code books#volumes} answer, edited by {@code replacements} (pairs of old and new text). */
    static String volume(String... replacements) {
        String json;
        try (InputStream in =
                ExternalBookServiceTest.class.getResourceAsStream("/google-books/comedy-of-errors.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < replacements.length; i += 2) {
            String edited = json.replace(replacements[i], replacements[i + 1]);
            assertNotEquals(json, edited, "fixture does not contain " + replacements[i]);
            json = edited;
        }
        return json;
    }

    void googleAnswers(ResponseDefinitionBuilder response) {
        googleBooks.stubFor(get(urlPathEqualTo("/books/v1/volumes"))
                .withQueryParam("q", equalTo("isbn:0486424618"))
                .willReturn(response));
    }

    static void assertError(String path, String message) {
        given().get(path)
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"" + message + "\"}"));
    }

    @Test
    void mapsGooglesVolumeToUpstreamsFields() {
        googleAnswers(okJson(volume()));

        given().get("/details/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(COMEDY_OF_ERRORS));
        googleBooks.verify(1, volumesRequest().withHeader("Accept", equalTo("application/json")));
    }

    /** Calls to Google Books by outcome at /q/metrics, like productpage's calls to its backends. */
    @Test
    void countsEachGoogleBooksCallWithItsStatus() {
        double ok = googleCalls("200");
        double unavailable = googleCalls("503");
        googleAnswers(okJson(volume()));
        given().get("/details/0").then().statusCode(200);
        googleAnswers(aResponse().withStatus(503));
        given().get("/details/0").then().statusCode(400);

        assertEquals(ok + 1, googleCalls("200"));
        assertEquals(unavailable + 1, googleCalls("503"));
    }

    /** {@code request_result_total} for Google Books with that status, 0 before the first such call. */
    static double googleCalls(String status) {
        String metrics = given().accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher count = Pattern.compile("\nrequest_result_total\\{destination_app=\"googleapis\",response_code=\""
                        + status + "\",} ([0-9.E]+)")
                .matcher(metrics);
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }

    @Test
    void echoesTheRequestedIdOnly() {
        googleAnswers(okJson(volume()));

        given().get("/details/-42").then().statusCode(200).body(is(COMEDY_OF_ERRORS.replace("\"id\":0", "\"id\":-42")));
        googleBooks.verify(1, volumesRequest());
    }

    @Test
    void keepsPublishedDateAsGooglesString() {
        googleAnswers(okJson(volume("\"publishedDate\": \"1998\"", "\"publishedDate\": \"2002-05-01\"")));

        given().get("/details/1")
                .then()
                .statusCode(200)
                .body(is(COMEDY_OF_ERRORS.replace("\"id\":0", "\"id\":1").replace("\"1998\"", "\"2002-05-01\"")));
    }

    @Test
    void aPrintTypeOtherThanBookIsUnknown() {
        googleAnswers(okJson(volume("\"printType\": \"BOOK\"", "\"printType\": \"MAGAZINE\"")));

        given().get("/details/0")
                .then()
                .statusCode(200)
                .body(is(COMEDY_OF_ERRORS.replace("\"type\":\"paperback\"", "\"type\":\"unknown\"")));
    }

    @Test
    void aLanguageOtherThanEnglishIsUnknown() {
        googleAnswers(okJson(volume("\"language\": \"en\"", "\"language\": \"fr\"")));

        given().get("/details/0")
                .then()
                .statusCode(200)
                .body(is(COMEDY_OF_ERRORS.replace("\"language\":\"English\"", "\"language\":\"unknown\"")));
    }

    @Test
    void takesTheFirstIdentifierOfEachIsbnType() {
        googleAnswers(okJson(volume("""
                "industryIdentifiers": [""", """
                "industryIdentifiers": [
                          {"type": "OTHER", "identifier": "UOM:39015012345678"},
                          {"type": "ISBN_10", "identifier": "048642461X"},
                          {"type": "ISBN_13", "identifier": "9780486424600"},""")));

        given().get("/details/0")
                .then()
                .statusCode(200)
                .body(is(COMEDY_OF_ERRORS
                        .replace("0486424618", "048642461X")
                        .replace("9780486424613", "9780486424600")));
    }

    @Test
    void headPostAndPutAlsoAskGoogle() {
        googleAnswers(okJson(volume()));

        given().head("/details/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(emptyString()));
        given().post("/details/0").then().statusCode(200).body(is(COMEDY_OF_ERRORS));
        given().put("/details/0").then().statusCode(200).body(is(COMEDY_OF_ERRORS));
        googleBooks.verify(3, volumesRequest());
    }

    @Test
    void aBadIdIsRejectedWithoutAskingGoogle() {
        googleAnswers(okJson(volume()));

        given().get("/details/0x1f")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.NOT_NUMERIC));
        googleBooks.verify(0, anyRequestedFor(anyUrl()));
    }

    /** Tracing goes along; the user's name and credentials never leave Bookinfo. */
    @Test
    void sendsGoogleTheTracingHeadersButNoUserHeaders() {
        googleAnswers(okJson(volume()));

        given().header("x-request-id", "7f3c1a2e-request")
                .header("x-ot-span-context", "ot-context")
                .header("x-datadog-trace-id", "1234")
                .header("x-datadog-parent-id", "5678")
                .header("x-datadog-sampling-priority", "1")
                .header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .header("tracestate", "congo=t61rcWkgMzE")
                .header("x-cloud-trace-context", "105445aa7843bc8bf206b12000100000/1;o=1")
                .header("grpc-trace-bin", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .header("X-B3-TraceId", "80f198ee56343ba864fe8b2a57d3eff7")
                .header("x-b3-spanid", "e457b5a2e4d86bd1")
                .header("x-b3-parentspanid", "05e3ac9a4f6e3b90")
                .header("x-b3-sampled", "1")
                .header("x-b3-flags", "0")
                .header("sw8", "1-TRACEID-SEGMENTID-3-PARENT-INSTANCE-ENDPOINT-127.0.0.1:8080")
                .header("end-user", "jason")
                .header("User-Agent", "curl/8.5.0")
                .header("Cookie", "session=eyJ1c2VyIjoiamFzb24ifQ")
                .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .header("jwt", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .header("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1")
                .header("x-secret", "do-not-leak")
                .header("x-forwarded-for", "10.0.0.1")
                .get("/details/0")
                .then()
                .statusCode(200)
                .body(is(COMEDY_OF_ERRORS));

        googleBooks.verify(
                1,
                volumesRequest()
                        .withHeader("x-request-id", equalTo("7f3c1a2e-request"))
                        .withHeader("x-ot-span-context", equalTo("ot-context"))
                        .withHeader("x-datadog-trace-id", equalTo("1234"))
                        .withHeader("x-datadog-parent-id", equalTo("5678"))
                        .withHeader("x-datadog-sampling-priority", equalTo("1"))
                        .withHeader("x-cloud-trace-context", equalTo("105445aa7843bc8bf206b12000100000/1;o=1"))
                        .withHeader("grpc-trace-bin", equalTo("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                        // Tracing off (the default): the trace headers are copied as they came, as upstream details v2
                        // does.
                        // With tracing on they are OpenTelemetry's (PropagatedHeaders.WRITTEN_BY_TRACING, reviews'
                        // HeaderPropagationTest).
                        .withHeader("traceparent", equalTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
                        .withHeader("tracestate", equalTo("congo=t61rcWkgMzE"))
                        .withHeader("x-b3-traceid", equalTo("80f198ee56343ba864fe8b2a57d3eff7"))
                        .withHeader("x-b3-spanid", equalTo("e457b5a2e4d86bd1"))
                        .withHeader("x-b3-parentspanid", equalTo("05e3ac9a4f6e3b90"))
                        .withHeader("x-b3-sampled", equalTo("1"))
                        .withHeader("x-b3-flags", equalTo("0"))
                        .withHeader("sw8", equalTo("1-TRACEID-SEGMENTID-3-PARENT-INSTANCE-ENDPOINT-127.0.0.1:8080"))
                        .withHeader("user-agent", equalTo("curl/8.5.0"))
                        .withoutHeader("end-user")
                        .withoutHeader("cookie")
                        .withoutHeader("authorization")
                        .withoutHeader("jwt")
                        .withoutHeader("b3")
                        .withoutHeader("x-secret")
                        .withoutHeader("x-forwarded-for"));
        // Every header that reached Google is either a tracing one or the client's own.
        googleBooks
                .getAllServeEvents()
                .getFirst()
                .getRequest()
                .getHeaders()
                .all()
                .forEach(header -> {
                    String name = header.key().toLowerCase(Locale.ROOT);
                    boolean clientOwn = name.equals("accept")
                            || name.equals("host")
                            || name.equals("content-length")
                            || name.equals("connection")
                            || name.equals("accept-encoding");
                    assertTrue(
                            clientOwn
                                    || PropagatedHeaders.isPropagated(name)
                                            && !PropagatedHeaders.USER_HEADERS.contains(name),
                            "unexpected header reached Google: " + header);
                });
    }

    /** However the client spells or repeats them, the user's headers are not sent to Google. */
    @Test
    void sendsGoogleNoUserHeaderInAnySpellingOrRepeated() {
        googleAnswers(okJson(volume()));

        RawRequest.Answer answer = RawRequest.getWithHeaders(
                "/details/0",
                List.of(
                        "X-REQUEST-ID: r1",
                        "x-request-id: r2",
                        "END-USER: jason",
                        "End-User: jason",
                        "COOKIE: theme=dark",
                        "cookie: session=eyJ1c2VyIjoiamFzb24ifQ",
                        "AUTHORIZATION: Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                        "Jwt: eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
                        "JWT: eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        assertEquals(200, answer.status(), answer.head());

        googleBooks.verify(
                1,
                volumesRequest()
                        .withHeader("x-request-id", equalTo("r1, r2"))
                        .withoutHeader("end-user")
                        .withoutHeader("cookie")
                        .withoutHeader("authorization")
                        .withoutHeader("jwt"));
    }

    @Test
    void googleAnsweringAnErrorStatusIsA400() {
        googleAnswers(aResponse().withStatus(503).withBody("Service Unavailable"));

        assertError("/details/0", "Google Books answered 503");
    }

    @Test
    void googleAnsweringARedirectIsA400() {
        googleAnswers(aResponse().withStatus(301).withHeader("Location", "https://www.google.com/"));

        assertError("/details/0", "Google Books answered 301");
    }

    @Test
    void aBodyThatIsNotJsonIsA400() {
        googleAnswers(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>Sorry...</body></html>"));

        assertError("/details/0", "Google Books returned a body that is not JSON");
    }

    @Test
    void anEmptyBodyIsA400() {
        googleAnswers(aResponse().withStatus(200));

        assertError("/details/0", "Google Books returned an empty body");
    }

    @Test
    void noItemsIsA400() {
        googleAnswers(okJson("{\"kind\": \"books#volumes\", \"totalItems\": 0}"));

        assertError("/details/0", "Google Books returned no volume for ISBN 0486424618");
    }

    @Test
    void jsonOfAnotherShapeIsA400() {
        googleAnswers(okJson("[\"not\", \"an\", \"object\"]"));

        assertError("/details/0", "Google Books returned JSON of an unexpected shape");
    }

    @Test
    void aMissingFieldIsA400() {
        googleAnswers(okJson(volume("\"publisher\": \"Courier Corporation\",", "")));
        assertError("/details/0", "Google Books volume has no publisher");

        googleAnswers(okJson(volume("\"authors\": [\n          \"William Shakespeare\"\n        ],", "")));
        assertError("/details/0", "Google Books volume has no authors");

        googleAnswers(okJson(volume("\"pageCount\": 79,", "")));
        assertError("/details/0", "Google Books volume has no pageCount");

        googleAnswers(okJson(volume("\"type\": \"ISBN_10\"", "\"type\": \"ISSN\"")));
        assertError("/details/0", "Google Books volume has no ISBN_10 identifier");
    }

    @Test
    void aSlowGoogleIsA400AfterTheReadTimeout() {
        googleAnswers(okJson(volume()).withFixedDelay(8_000));

        given().get("/details/0")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"Google Books request failed: no answer within "
                        + ExternalBookServiceProfile.READ_TIMEOUT_MS + " ms\"}"))
                .time(lessThan(6_000L));
    }
}
