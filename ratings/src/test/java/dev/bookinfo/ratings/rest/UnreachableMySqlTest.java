package dev.bookinfo.ratings.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import dev.bookinfo.ratings.db.SilentServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * v2 on MySQL with a database that accepts connections and never answers: the service starts, and each request gets
 * upstream's connect error after the 1 s connect timeout. Without it the handshake would wait forever; the 10 s bound
 * leaves room for a loaded machine.
 */
@QuarkusTest
@WithTestResource(value = SilentServerResource.class, initArgs = @ResourceArg(name = "db", value = "mysql"))
class UnreachableMySqlTest {

    @RepeatedTest(2)
    void answersTheConnectErrorWithinSeconds() {
        given().when()
                .get("/ratings/0")
                .then()
                .statusCode(200)
                .header("Content-Type", "application/json")
                .body(is(MySqlRatingsTest.CONNECT_ERROR))
                .time(lessThan(10L), TimeUnit.SECONDS);
    }
}
