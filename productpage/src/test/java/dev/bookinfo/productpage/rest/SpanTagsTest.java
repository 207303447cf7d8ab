package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookinfo.productpage.testing.BackendStubs;
import dev.bookinfo.productpage.testing.BackendStubsResource;
import dev.bookinfo.productpage.testing.DemoSessions;
import dev.bookinfo.productpage.testing.InjectBackends;
import dev.bookinfo.productpage.testing.ZipkinCollector;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * productpage's server span carries the request id it sends on (the incoming one, or the one it generates) and, as
 * {@code enduser.id}, the signed-in user: never a client's {@code end-user} header.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
@WithTestResource(ZipkinCollector.class)
class SpanTagsTest {

    @InjectBackends
    BackendStubs backends;

    @BeforeEach
    void healthyBackends() {
        backends.reset();
        backends.healthy();
    }

    @Test
    void tagsTheSignedInUserNotTheClaimedOne() {
        String cookie = DemoSessions.signIn("jason");
        given().cookie("session", cookie)
                .header("end-user", "mallory")
                .header("x-request-id", "span-tags-jason")
                .when()
                .get("/productpage")
                .then()
                .statusCode(200);

        JsonNode span = serverSpan("span-tags-jason");
        assertEquals("jason", span.path("tags").path("enduser.id").asText());
        assertTrue(
                span.path("name").asText().endsWith("/productpage"),
                span.path("name").asText());
    }

    @Test
    void tagsNoUserForAnAnonymousReaderWhateverTheHeaderSays() {
        given().header("end-user", "mallory")
                .header("x-request-id", "span-tags-anonymous")
                .when()
                .get("/api/v1/products/0")
                .then()
                .statusCode(200);

        assertFalse(serverSpan("span-tags-anonymous").path("tags").has("enduser.id"));
    }

    @Test
    void tagsTheRequestIdItGeneratesAndSendsOn() {
        given().when().get("/api/v1/products/0/ratings").then().statusCode(200);
        String sent = backends.ratings.getAllServeEvents().get(0).getRequest().getHeader("x-request-id");

        JsonNode span = serverSpan(sent);
        assertEquals("SERVER", span.path("kind").asText());
    }

    @Test
    void keepsAtMost256CharactersOfWhatTheClientSent() {
        String requestId = "span-tags-long-" + "i".repeat(1_000);
        given().header("x-request-id", requestId)
                .header("user-agent", "u".repeat(18_000))
                .when()
                .get("/api/v1/products?" + "q".repeat(3_900))
                .then()
                .statusCode(200);

        JsonNode tags = serverSpan(id -> id.startsWith("span-tags-long-")).path("tags");
        assertEquals(256, tags.path("user_agent.original").asText().length(), "the length of user_agent.original");
        tags.properties()
                .forEach(tag -> assertTrue(
                        tag.getValue().asText().length() <= 256,
                        tag.getKey() + " is " + tag.getValue().asText().length() + " characters long"));
    }

    private static JsonNode serverSpan(String requestId) {
        return serverSpan(requestId::equals);
    }

    private static JsonNode serverSpan(Predicate<String> requestId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> ZipkinCollector.spans().stream()
                                .filter(span ->
                                        "SERVER".equals(span.path("kind").asText())
                                                && requestId.test(span.path("tags")
                                                        .path("guid:x-request-id")
                                                        .asText()))
                                .findFirst(),
                        Optional::isPresent)
                .get();
    }
}
