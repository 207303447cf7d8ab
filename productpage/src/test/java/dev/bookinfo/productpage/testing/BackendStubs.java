package dev.bookinfo.productpage.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** WireMock servers standing in for details, reviews and ratings. */
public final class BackendStubs {

    public final WireMockServer details;
    public final WireMockServer reviews;
    public final WireMockServer ratings;

    BackendStubs(WireMockServer details, WireMockServer reviews, WireMockServer ratings) {
        this.details = details;
        this.reviews = reviews;
        this.ratings = ratings;
    }

    /** Forgets stubs and recorded requests on all three. */
    public void reset() {
        details.resetAll();
        reviews.resetAll();
        ratings.resetAll();
    }

    /** details v1, reviews v2 (black stars 5 and 4) and ratings v1 for product 0. */
    public void healthy() {
        details("0", json(Fixtures.DETAILS_V1));
        reviews("0", json(Fixtures.REVIEWS_V2));
        ratings("0", json(Fixtures.RATINGS_V1));
    }

    public void details(String id, ResponseDefinitionBuilder response) {
        details.stubFor(get(urlPathEqualTo("/details/" + id)).willReturn(response));
    }

    public void reviews(String id, ResponseDefinitionBuilder response) {
        reviews.stubFor(get(urlPathEqualTo("/reviews/" + id)).willReturn(response));
    }

    public void ratings(String id, ResponseDefinitionBuilder response) {
        ratings.stubFor(get(urlPathEqualTo("/ratings/" + id)).willReturn(response));
    }

    /** A 200 {@code application/json} response. */
    public static ResponseDefinitionBuilder json(String body) {
        return json(200, body);
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Everything {@code server} received. */
    public static List<LoggedRequest> requests(WireMockServer server) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }
}
