package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.bookinfo.ratings.db.DatabaseServer;
import dev.bookinfo.ratings.db.MariaDb;
import dev.bookinfo.ratings.db.MariaDbResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_VERSION=v2 with DB_TYPE=mysql against a real MariaDB (upstream's ratings.js MySQL path). Every test starts
 * from upstream's two rows on a running server and changes what it needs.
 */
@QuarkusTest
@WithTestResource(MariaDbResource.class)
class MySqlRatingsTest extends DatabaseRatingsContract {

    static final String CONNECT_ERROR = "{\"error\":\"could not connect to ratings database\"}";
    static final String SELECT_ERROR = "{\"error\":\"could not perform select\"}";

    @DatabaseServer
    MariaDb db;

    @Override
    void stopDatabase() {
        db.stop();
    }

    @BeforeEach
    void upstreamRowsOnARunningServer() {
        db.restart();
        db.upstreamRows();
    }

    @Test
    void readsReviewer1AndReviewer2FromTheFirstTwoRows() {
        db.sql(
                "UPDATE test.ratings SET Rating = 3 WHERE ReviewID = 1; UPDATE test.ratings SET Rating = 1 WHERE ReviewID = 2;");
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":3,\"Reviewer2\":1}}"));
    }

    @Test
    void servesUpstreamsRowsForEveryProductEchoingTheId() {
        given().when()
                .get("/ratings/7")
                .then()
                .statusCode(200)
                .body(is("{\"id\":7,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
        given().when()
                .get("/ratings/0/12")
                .then()
                .statusCode(200)
                .body(is("{\"id\":12,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }

    @Test
    void givesZeroForAMissingSecondRow() {
        db.sql("DELETE FROM test.ratings WHERE ReviewID = 2;");
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":0}}"));
    }

    @Test
    void givesZeroForBothWhenTheTableIsEmpty() {
        db.sql("DELETE FROM test.ratings;");
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":0,\"Reviewer2\":0}}"));
    }

    @Test
    void answers500WhenTheTableIsMissing() {
        db.sql("DROP TABLE test.ratings;");
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is(SELECT_ERROR));
    }

    @Test
    void answers500ForARatingThatIsNotAWholeNumber() {
        db.sql("UPDATE test.ratings SET Rating = NULL WHERE ReviewID = 2;");
        given().when().get("/ratings/0").then().statusCode(500).body(is(SELECT_ERROR));
    }

    /** Upstream answers 200 here, which reviews turns into "Ratings service is currently unavailable". */
    @Test
    void answers200WithTheConnectErrorWhenTheDatabaseIsStoppedAndRecoversWhenItIsBack() {
        given().when().get("/ratings/0").then().statusCode(200); // a pooled connection now exists
        db.stop();
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(CONNECT_ERROR))
                .time(lessThan(10L), TimeUnit.SECONDS);
        given().when().get("/ratings/1").then().statusCode(200).body(is(CONNECT_ERROR));
        db.restart();
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}"));
    }
}
