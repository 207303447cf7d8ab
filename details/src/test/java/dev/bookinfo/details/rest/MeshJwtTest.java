package dev.bookinfo.details.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** DESIGN 5, {@code JWT_MODE=mesh} (the default): the mesh checks tokens, details checks none. */
@QuarkusTest
class MeshJwtTest {

    @Test
    void answersWithoutToken() {
        given().get("/details/0")
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.book("0")));
    }

    @Test
    void ignoresAGarbageToken() {
        given().auth().oauth2("not-a-jwt").get("/details/0")
                .then().statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(DetailsResourceTest.book("0")));
    }
}
