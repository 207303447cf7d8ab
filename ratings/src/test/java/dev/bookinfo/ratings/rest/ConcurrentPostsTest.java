package dev.bookinfo.ratings.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store under parallel writers: nothing is lost, mixed up between products or torn, and each POST
 * answers with what it posted, as upstream's single-threaded {@code ratings.js} does.
 */
@QuarkusTest
class ConcurrentPostsTest {

    private static final int FIRST_ID = 10_000;
    /** With the products the other tests of this profile post, still under the store's default cap of 100. */
    private static final int PRODUCTS = 20;

    private static final int SHARED_ID = 11_000;
    private static final int WRITERS = 16;
    private static final int POSTS_PER_WRITER = 20;

    /** Writers on one product, each posting its values one after the other, all writers at once. */
    @Test
    void writersOnTheSameProductEachGetTheirOwnAnswerAndTheLastValueOfOneOfThemStays() {
        ConcurrentLinkedQueue<String> wrongAnswers = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int post = 0; post < POSTS_PER_WRITER; post++) {
                String ratings = ratingsOf(writer, post);
                chain = chain.thenCompose(done -> RawHttp.postAsync("/ratings/" + SHARED_ID, ratings))
                        .thenAccept(response -> {
                            if (response.statusCode() != 200 || !response.body().equals(body(SHARED_ID, ratings))) {
                                wrongAnswers.add(response.statusCode() + " " + response.body() + " for " + ratings);
                            }
                        });
            }
            writers.add(chain);
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

        assertEquals(List.of(), List.copyOf(wrongAnswers));
        Set<String> lastValues = IntStream.range(0, WRITERS)
                .mapToObj(writer -> body(SHARED_ID, ratingsOf(writer, POSTS_PER_WRITER - 1)))
                .collect(Collectors.toSet());
        HttpResponse<String> stored = RawHttp.get("/ratings/" + SHARED_ID);
        assertEquals(200, stored.statusCode());
        assertTrue(lastValues.contains(stored.body()), () -> "stored " + stored.body());
    }

    @Test
    void keepsEveryProductsRatingsUnderParallelPosts() {
        List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(FIRST_ID, FIRST_ID + PRODUCTS)
                .mapToObj(id -> RawHttp.postAsync("/ratings/" + id, ratingsOf(id, 0)))
                .toList();
        for (int i = 0; i < PRODUCTS; i++) {
            HttpResponse<String> response = posts.get(i).join();
            assertEquals(200, response.statusCode());
            assertEquals(body(FIRST_ID + i, ratingsOf(FIRST_ID + i, 0)), response.body());
        }

        List<CompletableFuture<HttpResponse<String>>> gets = IntStream.range(FIRST_ID, FIRST_ID + PRODUCTS)
                .mapToObj(id -> RawHttp.getAsync("/ratings/" + id))
                .toList();
        for (int i = 0; i < PRODUCTS; i++) {
            HttpResponse<String> response = gets.get(i).join();
            assertEquals(200, response.statusCode());
            assertEquals(body(FIRST_ID + i, ratingsOf(FIRST_ID + i, 0)), response.body());
        }
    }

    private static String ratingsOf(int writer, int post) {
        return "{\"Reviewer1\":" + writer % 6 + ",\"Reviewer2\":" + post % 6 + ",\"writer\":" + writer + ",\"post\":"
                + post + "}";
    }

    private static String body(int id, String ratings) {
        return "{\"id\":" + id + ",\"ratings\":" + ratings + "}";
    }
}
