package dev.bookinfo.ratings.service;

import dev.bookinfo.ratings.config.RatingsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ratings per product id, in memory and per instance like upstream: nothing is shared between replicas and
 * everything is lost on restart. Holds at most {@code MAX_POSTED_PRODUCTS} products, each as compact JSON
 * text: a parsed tree of a 64 KiB body can take megabytes, its text never more than about twice the body.
 *
 * <p>When full, new products are refused rather than old ones evicted: eviction would let anyone erase the
 * ratings others posted by posting to enough new ids, and a client would never learn that its ratings are gone.
 */
@ApplicationScoped
public class RatingsStore {

    private static final String DEFAULT_RATINGS = "{\"Reviewer1\":5,\"Reviewer2\":4}";

    private final Map<Long, String> ratings = new ConcurrentHashMap<>();
    private final int maxProducts;

    @Inject
    public RatingsStore(RatingsConfig config) {
        this(config.store().maxProducts());
    }

    RatingsStore(int maxProducts) {
        this.maxProducts = maxProducts;
    }

    /** The compact JSON last posted for {@code id}, or {@code {"Reviewer1":5,"Reviewer2":4}}. */
    public String get(long id) {
        return ratings.getOrDefault(id, DEFAULT_RATINGS);
    }

    /** Whether {@link #put} would store ratings for {@code id}: always for a product already stored. */
    public boolean hasRoomFor(long id) {
        return ratings.size() < maxProducts || ratings.containsKey(id);
    }

    /**
     * Stores compact JSON text for {@code id}; false, with nothing stored, when {@code id} is a new product and
     * the store is full. Synchronized so that parallel posts for new products cannot overshoot the cap; reads
     * never wait.
     */
    public synchronized boolean put(long id, String compactJson) {
        if (!hasRoomFor(id)) {
            return false;
        }
        ratings.put(id, compactJson);
        return true;
    }

    /** Most products that can have posted ratings, for the error message. */
    public int maxProducts() {
        return maxProducts;
    }
}
