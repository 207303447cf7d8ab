package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * MAX_POSTED_PRODUCTS=3 and MAX_JSON_DEPTH=4: the store fills up, then refuses new products with 409 while
 * stored ones can still be updated. The tests run in order because they share one store.
 */
@QuarkusTest
@TestProfile(BoundedStoreTest.SmallStore.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundedStoreTest {

    static final String FULL = "{\"error\":\"ratings store is full (at most 3 products)\"}";

    public static class SmallStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("MAX_POSTED_PRODUCTS", "3", "MAX_JSON_DEPTH", "4");
        }
    }

    @Test
    @Order(1)
    void storesRatingsOfAsManyProductsAsConfigured() {
        for (int id = 1; id <= 3; id++) {
            given().body("{\"Reviewer1\":" + id + "}")
                    .when()
                    .post("/ratings/" + id)
                    .then()
                    .statusCode(200)
                    .body(is("{\"id\":" + id + ",\"ratings\":{\"Reviewer1\":" + id + "}}"));
        }
    }

    @Test
    @Order(2)
    void refusesOneMoreProductWith409() {
        given().body("{\"Reviewer1\":4}")
                .when()
                .post("/ratings/4")
                .then()
                .statusCode(409)
                .header("Content-Type", "application/json")
                .body(is(FULL));
        given().when()
                .get("/ratings/4")
                .then()
                .statusCode(200)
                .body(is("{\"id\":4,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @Test
    @Order(3)
    void refusesNewProductsBeforeLookingAtTheBody() {
        given().body("not json")
                .when()
                .post("/ratings/5")
                .then()
                .statusCode(409)
                .body(is(FULL));
    }

    @Test
    @Order(4)
    void keepsUpdatingStoredProductsWhenFull() {
        given().body("{\"Reviewer2\":1}")
                .when()
                .post("/ratings/2")
                .then()
                .statusCode(200)
                .body(is("{\"id\":2,\"ratings\":{\"Reviewer2\":1}}"));
        given().when().get("/ratings/2").then().statusCode(200).body(is("{\"id\":2,\"ratings\":{\"Reviewer2\":1}}"));
    }

    @Test
    @Order(5)
    void acceptsJsonAsDeepAsConfigured() {
        given().body("[[[{\"a\":1}]]]")
                .when()
                .post("/ratings/1")
                .then()
                .statusCode(200)
                .body(is("{\"id\":1,\"ratings\":[[[{\"a\":1}]]]}"));
    }

    @Test
    @Order(6)
    void rejectsJsonDeeperThanConfigured() {
        given().body("[[[[{\"a\":1}]]]]")
                .when()
                .post("/ratings/1")
                .then()
                .statusCode(400)
                .header("Content-Type", "application/json")
                .body(is("{\"error\":\"ratings JSON is nested deeper than 4 levels\"}"));
        given().when().get("/ratings/1").then().statusCode(200).body(is("{\"id\":1,\"ratings\":[[[{\"a\":1}]]]}"));
    }
}
