package dev.bookinfo.reviews.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Answers the real ratings service gives. */
public final class RatingsStubs {

    private RatingsStubs() {}

    /** A 200 the way ratings sends it: {@code Content-type: application/json} (lower-case "t"), compact JSON. */
    public static ResponseDefinitionBuilder okJson(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-type", "application/json")
                .withBody(body);
    }
}
