package dev.bookinfo.reviews.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.bookinfo.reviews.testing.RatingsStubs.okJson;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import dev.bookinfo.security.testing.RawRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With tracing off (the default: no exporter endpoint) reviews makes no spans, and every listed header reaches
 * ratings exactly as it came, the trace headers included, as upstream's reviews does: the sidecars' spans still join
 * up. Nothing starts a trace that did not arrive.
 */
@QuarkusTest
@TestProfile(Profiles.V2.class)
class HeaderPropagationTracingOffTest {

    @InjectRatings
    WireMockServer ratings;

    @BeforeEach
    void resetRatings() {
        ratings.resetAll();
        ratings.stubFor(
                get("/ratings/0").willReturn(okJson("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
    }

    @Test
    void copiesEveryListedHeaderAsItCameTraceHeadersIncluded() {
        given().headers(HeaderPropagationTest.PROPAGATED)
                .headers(HeaderPropagationTest.NOT_PROPAGATED)
                .when()
                .get("/reviews/0")
                .then()
                .statusCode(200);

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        HeaderPropagationTest.PROPAGATED.forEach((name, value) ->
                assertEquals(List.of(value), received.getHeader(name).values(), "header " + name));
        HeaderPropagationTest.NOT_PROPAGATED
                .keySet()
                .forEach(name -> assertFalse(
                        received.getHeader(name).isPresent(), "header " + name + " must not reach ratings"));
    }

    /** A header sent twice, or in two spellings, goes on as one line; the cookie without productpage's session. */
    @Test
    void joinsRepeatedHeadersIntoOneLine() {
        RawRequest.Answer answer = RawRequest.getWithHeaders(
                "/reviews/0",
                List.of(
                        "X-Request-Id: r1",
                        "x-request-id: r2",
                        "Cookie: theme=dark; session=eyJ1c2VyIjoiamFzb24ifQ",
                        "COOKIE: q_session=enc; user=jason",
                        "X-B3-TRACEID: 80f198ee56343ba8"));
        assertEquals(200, answer.status(), answer.head());

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        assertEquals(List.of("r1, r2"), received.getHeader("x-request-id").values());
        assertEquals(
                List.of("theme=dark; user=jason"), received.getHeader("cookie").values());
        assertEquals(
                List.of("80f198ee56343ba8"), received.getHeader("x-b3-traceid").values());
    }

    @Test
    void startsNoTraceWhenNoneArrives() {
        given().when().get("/reviews/0").then().statusCode(200);

        HttpHeaders received = onlyRatingsRequest().getHeaders();
        assertFalse(received.getHeader("traceparent").isPresent(), "traceparent");
        assertFalse(received.getHeader("x-b3-traceid").isPresent(), "x-b3-traceid");
    }

    private LoggedRequest onlyRatingsRequest() {
        List<LoggedRequest> requests = ratings.findAll(getRequestedFor(urlEqualTo("/ratings/0")));
        assertEquals(1, requests.size(), "ratings requests");
        return requests.get(0);
    }
}
