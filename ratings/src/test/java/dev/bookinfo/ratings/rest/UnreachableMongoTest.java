package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.bookinfo.ratings.db.SilentServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * v2 on MongoDB with a database that accepts connections and never answers: the service starts, and each request
 * gets upstream's connect error after the 1 s connect and server-selection timeouts (the bound leaves room for a
 * loaded machine), never after the driver's 30 s.
 */
@QuarkusTest
@WithTestResource(SilentServerResource.class)
class UnreachableMongoTest {

    @RepeatedTest(2)
    void answersTheConnectErrorWithinSeconds() {
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is(MongoRatingsTest.CONNECT_ERROR))
                .time(lessThan(10L), TimeUnit.SECONDS);
    }
}
