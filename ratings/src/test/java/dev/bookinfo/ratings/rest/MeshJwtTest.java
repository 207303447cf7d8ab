package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** DESIGN 5, {@code JWT_MODE=mesh} (the default): the mesh checks tokens, ratings checks none. */
@QuarkusTest
class MeshJwtTest {

    @Test
    void answersWithoutToken() {
        given().get("/ratings/0")
                .then().statusCode(200)
                .header("Content-type", "application/json")
                .body(is(StandaloneJwtTest.DEFAULT_RATINGS));
    }

    @Test
    void ignoresAGarbageToken() {
        given().auth().oauth2("not-a-jwt").get("/ratings/0")
                .then().statusCode(200)
                .header("Content-type", "application/json")
                .body(is(StandaloneJwtTest.DEFAULT_RATINGS));
    }
}
