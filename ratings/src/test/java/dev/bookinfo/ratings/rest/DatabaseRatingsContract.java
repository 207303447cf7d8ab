package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/**
 * What ratings v2 does the same on MongoDB and on MySQL (upstream's ratings.js): POST is never stored, ids are
 * checked before the database is asked, and health does not depend on the database.
 */
abstract class DatabaseRatingsContract {

    /** Stops the test's database server; the next test starts it again. */
    abstract void stopDatabase();

    @Test
    void staysHealthyAndReadyWhileTheDatabaseIsStopped() {
        stopDatabase();
        given().when().get("/health").then().statusCode(200).body(is(HealthTest.HEALTHY));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void answersPostWith501AfterCheckingIdAndBody() {
        given().body("{\"Reviewer1\":1}")
                .when()
                .post("/ratings/7")
                .then()
                .statusCode(501)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"Post not implemented for database backed ratings\"}"));
        given().body("[1,2]").when().post("/ratings/8").then().statusCode(501);
        given().body("{\"Reviewer1\":1}")
                .when()
                .post("/ratings/abc")
                .then()
                .statusCode(400)
                .body(is("{\"error\":\"please provide numeric product ID\"}"));
        given().body("five stars")
                .when()
                .post("/ratings/7")
                .then()
                .statusCode(400)
                .body(is("{\"error\":\"please provide valid ratings JSON\"}"));
        given().body("")
                .when()
                .post("/ratings/7")
                .then()
                .statusCode(400)
                .body(is("{\"error\":\"please provide valid ratings JSON\"}"));
        given().when()
                .get("/ratings/7")
                .then()
                .statusCode(200)
                .body(is("{\"id\":7,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @Test
    void checksTheIdBeforeTheDatabase() {
        stopDatabase();
        given().when()
                .get("/ratings/abc")
                .then()
                .statusCode(400)
                .body(is("{\"error\":\"please provide numeric product ID\"}"));
    }
}
