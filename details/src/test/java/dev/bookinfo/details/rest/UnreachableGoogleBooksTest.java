package dev.bookinfo.details.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bookinfo.details.testing.UnreachableGoogleBooksProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * details v2 when Google Books cannot be reached at all (a connect failure is a 400, as upstream:
 * docs/upstream.md#details-v2-google-books).
 */
@QuarkusTest
@TestProfile(UnreachableGoogleBooksProfile.class)
class UnreachableGoogleBooksTest {

    @Test
    void aRefusedConnectionIsA400() {
        given().get("/details/0")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"Google Books request failed: connection refused\"}"));
    }

    @Test
    void aCallThatGotNoAnswerCountsAs500() {
        double before = ExternalBookServiceTest.googleCalls("500");
        given().get("/details/0").then().statusCode(400);
        assertEquals(before + 1, ExternalBookServiceTest.googleCalls("500"));
    }

    @Test
    void healthDoesNotDependOnGoogle() {
        given().get("/health").then().statusCode(200).body(is(HealthResourceTest.HEALTHY));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
