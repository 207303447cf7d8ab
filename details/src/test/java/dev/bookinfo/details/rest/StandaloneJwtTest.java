package dev.bookinfo.details.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.bookinfo.security.testing.JwtIssuer;
import dev.bookinfo.security.testing.StandaloneJwtContract;
import dev.bookinfo.security.testing.StandaloneJwtProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code JWT_MODE=standalone} (SECURITY.md#what-each-layer-checks): details verifies the caller's access token itself
 * (the refusals are in {@link StandaloneJwtContract}).
 */
@QuarkusTest
@TestProfile(StandaloneJwtProfile.class)
class StandaloneJwtTest extends StandaloneJwtContract {

    StandaloneJwtTest() {
        super("/details/0", "\"ISBN-10\"");
    }

    @Test
    void answersWithAValidToken() {
        given().auth()
                .oauth2(JwtIssuer.validToken())
                .get("/details/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.book("0")));
    }

    @Test
    void stillRejectsABadIdWithAValidToken() {
        given().auth()
                .oauth2(JwtIssuer.validToken())
                .get("/details/abc")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.NOT_NUMERIC));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/health", "/health/live"})
    void upstreamHealthNeedsNoToken(String path) {
        given().get(path)
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HealthResourceTest.HEALTHY));
    }

    @Test
    void unknownPathsAreStill404() {
        given().get("/detailsfoo").then().statusCode(404);
    }
}
