package dev.bookinfo.ratings.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
                        if (store.put(id, ("[" + id + "]").getBytes(StandardCharsets.UTF_8))) {
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
                IntStream.range(0, 1_000).filter(id -> store.get(id)[0] == '[').count());
    }

    @Test
    void holdsAtMost64KiBPerProductAndCountsWhatItHolds() {
        RatingsStore store = new RatingsStore(2);
        assertEquals(0, store.bytesHeld());
        assertThrows(IllegalArgumentException.class, () -> store.put(1, new byte[RatingsStore.MAX_PRODUCT_BYTES + 1]));
        assertEquals(0, store.bytesHeld());
        assertTrue(store.put(1, new byte[RatingsStore.MAX_PRODUCT_BYTES]));
        assertTrue(store.put(2, new byte[10]));
        assertFalse(store.put(3, new byte[10]));
        assertEquals(RatingsStore.MAX_PRODUCT_BYTES + 10, store.bytesHeld());
        assertTrue(store.put(1, new byte[5]));
        assertEquals(15, store.bytesHeld());
    }
}
