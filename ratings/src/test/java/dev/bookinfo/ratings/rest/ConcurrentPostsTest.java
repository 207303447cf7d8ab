package dev.bookinfo.ratings.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The in-memory store under parallel writers: nothing is lost or mixed up between products. */
@QuarkusTest
class ConcurrentPostsTest {

    private static final int FIRST_ID = 10_000;
    /** With the products the other tests of this profile post, still under the store's default cap of 100. */
    private static final int PRODUCTS = 60;

    @Test
    void keepsEveryProductsRatingsUnderParallelPosts() {
        List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(FIRST_ID, FIRST_ID + PRODUCTS)
                .mapToObj(id -> RawHttp.postAsync("/ratings/" + id, ratingsOf(id)))
                .toList();
        for (int i = 0; i < PRODUCTS; i++) {
            HttpResponse<String> response = posts.get(i).join();
            assertEquals(200, response.statusCode());
            assertEquals(body(FIRST_ID + i), response.body());
        }

        List<CompletableFuture<HttpResponse<String>>> gets = IntStream.range(FIRST_ID, FIRST_ID + PRODUCTS)
                .mapToObj(id -> RawHttp.getAsync("/ratings/" + id))
                .toList();
        for (int i = 0; i < PRODUCTS; i++) {
            HttpResponse<String> response = gets.get(i).join();
            assertEquals(200, response.statusCode());
            assertEquals(body(FIRST_ID + i), response.body());
        }
    }

    private static String ratingsOf(int id) {
        return "{\"Reviewer1\":" + id % 6 + ",\"product\":" + id + "}";
    }

    private static String body(int id) {
        return "{\"id\":" + id + ",\"ratings\":" + ratingsOf(id) + "}";
    }
}
