package dev.bookinfo.reviews.rest;

import static dev.bookinfo.reviews.support.ExpectedBodies.JSON;
import static dev.bookinfo.reviews.support.ExpectedBodies.withoutRatings;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import dev.bookinfo.reviews.support.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** DESIGN 5, {@code JWT_MODE=mesh} (the default): the mesh checks tokens, reviews checks none. */
@QuarkusTest
@TestProfile(Profiles.V1.class)
class MeshJwtTest {

    @Test
    void answersWithoutToken() {
        given().get("/reviews/0")
                .then().statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withoutRatings("0", "null", "null")));
    }

    @Test
    void ignoresAGarbageToken() {
        given().auth().oauth2("not-a-jwt").get("/reviews/0")
                .then().statusCode(200)
                .header("Content-Type", JSON)
                .body(is(withoutRatings("0", "null", "null")));
    }
}
