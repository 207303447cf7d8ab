package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.bookinfo.ratings.db.DatabaseServer;
import dev.bookinfo.ratings.db.MongoDb;
import dev.bookinfo.ratings.db.MongoDbResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SERVICE_VERSION=v2 on MongoDB (upstream's default) against a MongoDB wire-protocol server. Every test starts from
 * upstream's two documents on a running server and changes what it needs.
 */
@QuarkusTest
@WithTestResource(MongoDbResource.class)
class MongoRatingsTest extends DatabaseRatingsContract {

    static final String CONNECT_ERROR = "{\"error\":\"could not connect to ratings database\"}";
    static final String LOAD_ERROR = "{\"error\":\"could not load ratings from database\"}";

    @DatabaseServer
    MongoDb db;

    @Override
    void stopDatabase() {
        db.stop();
    }

    @BeforeEach
    void upstreamDocumentsOnARunningServer() {
        db.restart();
        db.upstreamRatings();
    }

    @Test
    void readsReviewer1AndReviewer2FromTheFirstTwoDocuments() {
        db.ratings(new Document("rating", 3), new Document("rating", 1), new Document("rating", 2));
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":3,\"Reviewer2\":1}}"));
    }

    @Test
    void servesUpstreamsDocumentsForEveryProductEchoingTheId() {
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
    void acceptsWholeNumbersStoredAsDoubleOrLong() {
        db.ratings(new Document("rating", 2.0), new Document("rating", 3L));
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":2,\"Reviewer2\":3}}"));
    }

    @Test
    void givesZeroForAMissingSecondDocument() {
        db.ratings(new Document("rating", 5));
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":0}}"));
    }

    /** MongoDB reads a missing collection as an empty one, so upstream answers zeros here, not an error. */
    @Test
    void givesZeroForBothWhenTheCollectionIsMissing() {
        db.ratings();
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":0,\"Reviewer2\":0}}"));
    }

    @Test
    void answers500ForARatingThatIsNotAWholeNumber() {
        db.ratings(new Document("rating", 5), new Document("rating", "four"));
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is(LOAD_ERROR));
        db.ratings(new Document("stars", 5), new Document("rating", 4));
        given().when().get("/ratings/0").then().statusCode(500).body(is(LOAD_ERROR));
    }

    @Test
    void answers500WithTheConnectErrorWhenTheDatabaseIsStoppedAndRecoversWhenItIsBack() {
        given().when().get("/ratings/0").then().statusCode(200); // the driver now holds a pooled connection
        db.stop();
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(500)
                .header("Content-Type", "application/json")
                .body(is(CONNECT_ERROR))
                .time(lessThan(10L), TimeUnit.SECONDS);
        given().when()
                .get("/ratings/1")
                .then()
                .statusCode(500)
                .body(is(CONNECT_ERROR))
                .time(lessThan(10L), TimeUnit.SECONDS);
        db.restart();
        await().atMost(30, TimeUnit.SECONDS)
                .untilAsserted(() -> given().when()
                        .get("/ratings/0")
                        .then()
                        .statusCode(200)
                        .body(is("{\"id\":0,\"ratings\":{\"Reviewer1\":5,\"Reviewer2\":4}}")));
    }
}
