package dev.bookinfo.details.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.details.testing.InjectGoogleBooks;
import dev.bookinfo.details.testing.NotExactlyTrueProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * As upstream (docs/upstream.md#details-settings), only the exact string {@code true} in ENABLE_EXTERNAL_BOOK_SERVICE
 * enables v2.
 */
@QuarkusTest
@TestProfile(NotExactlyTrueProfile.class)
class NotExactlyTrueTest {

    @InjectGoogleBooks
    WireMockServer googleBooks;

    @Test
    void capitalisedTrueKeepsTheBuiltInBook() {
        googleBooks.stubFor(any(anyUrl()).willReturn(okJson(ExternalBookServiceTest.volume())));

        given().get("/details/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.book("0")));
        googleBooks.verify(0, anyRequestedFor(anyUrl()));
    }
}
