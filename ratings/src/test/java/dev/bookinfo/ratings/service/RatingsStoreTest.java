package dev.bookinfo.ratings.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RatingsStoreTest {

    @Test
    void parallelPostsForNewProductsNeverOvershootTheCap() throws Exception {
        RatingsStore store = new RatingsStore(100);
        AtomicInteger stored = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            var futures = IntStream.range(0, 1_000)
                    .mapToObj(id -> pool.submit(() -> {
                        if (store.put(id, "[" + id + "]")) {
                            stored.incrementAndGet();
                        }
                    }))
                    .toList();
            for (Future<?> future : futures) {
                future.get();
            }
        }
        assertEquals(100, stored.get());
        assertEquals(
                100,
                IntStream.range(0, 1_000)
                        .filter(id -> !store.get(id).startsWith("{"))
                        .count());
    }
}
