package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Upstream's {@code /health} and the Kubernetes probes under {@code /q/health}, with SERVICE_VERSION=v1. */
@QuarkusTest
class HealthTest {

    static final String HEALTHY = "{\"status\":\"Ratings is healthy\"}";

    @Test
    void reportsHealthyAsJson() {
        given().when()
                .get("/health")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HEALTHY));
    }

    @Test
    void ignoresTheQueryString() {
        given().when()
                .get("/health?verbose=1")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(HEALTHY));
    }

    /** Upstream only routes GET /health; a POST finds no route. */
    @Test
    void answersPostWith404AndNoBody() {
        given().body("{}")
                .when()
                .post("/health")
                .then()
                .statusCode(404)
                .header("Content-Type", nullValue())
                .body(emptyString());
    }

    @Test
    void answersOtherMethodsWith405() {
        given().when()
                .delete("/health")
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS")
                .body(emptyString());
    }

    @Test
    void answersOptionsWithoutPost() {
        given().when()
                .options("/health")
                .then()
                .statusCode(200)
                .header("Allow", allOf(containsString("GET"), not(containsString("POST"))))
                .body(emptyString());
    }

    @Test
    void isLive() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void isReady() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'ratings' }.status", is("UP"));
    }
}
