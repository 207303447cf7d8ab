package dev.bookinfo.ratings.rest;

import static dev.bookinfo.security.testing.StandaloneJwtContract.MISSING;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;

import dev.bookinfo.security.testing.JwtIssuer;
import dev.bookinfo.security.testing.StandaloneJwtContract;
import dev.bookinfo.security.testing.StandaloneJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * {@code JWT_MODE=standalone} (SECURITY.md#what-each-layer-checks): ratings verifies the caller's access token itself
 * (the refusals are in {@link StandaloneJwtContract}).
 */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class StandaloneJwtTest extends StandaloneJwtContract {

    static final String DEFAULT_RATINGS = "{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}";

    StandaloneJwtTest() {
        super("/ratings/0", "\"ratings\":{");
    }

    @Test
    void answersWithAValidToken() {
        given().auth()
                .oauth2(JwtIssuer.validToken())
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-type", "application/json")
                .body(is(DEFAULT_RATINGS));
    }

    @Test
    void postsWithAValidToken() {
        given().auth()
                .oauth2(JwtIssuer.validToken())
                .contentType("application/json")
                .body("{\"Reviewer1\":1}")
                .post("/ratings/4242")
                .then()
                .statusCode(200)
                .header("Content-type", "application/json")
                .body(is("{\"id\":4242,\"ratings\":{\"Reviewer1\":1}}"));
    }

    @Test
    void rejectsAPostWithoutToken() {
        given().contentType("application/json")
                .body("{\"Reviewer1\":1}")
                .post("/ratings/4243")
                .then()
                .statusCode(401)
                .header("Content-Type", "application/json")
                .body(is(MISSING));
    }

    @Test
    void upstreamHealthNeedsNoToken() {
        given().get("/health").then().statusCode(200).body(is("{\"status\":\"Ratings is healthy\"}"));
    }

    @Test
    void unroutedPathsAreStillAnEmpty404() {
        given().get("/ratings").then().statusCode(404).body(is(emptyString()));
    }
}
