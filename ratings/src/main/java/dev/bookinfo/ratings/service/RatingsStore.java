package dev.bookinfo.ratings.service;

import dev.bookinfo.ratings.config.RatingsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ratings per product id, in memory and per instance like upstream: nothing is shared between replicas and
 * everything is lost on restart. Holds at most {@code MAX_POSTED_PRODUCTS} products, each as compact JSON in UTF-8 of
 * at most {@link #MAX_PRODUCT_BYTES}, so a full store holds at most 100 x 64 KiB whatever was posted. Not a parsed
 * tree (a 64 KiB body of {@code [[],[],...]} takes about 1.5 MB as one), and not a {@code String}: one character
 * outside Latin-1 makes a Java string take two bytes per character, and compact JSON can be longer than the body
 * ({@code 1e-6} is written back as {@code 0.000001}).
 *
 * <p>When full, new products are refused rather than old ones evicted: eviction would let anyone erase the
 * ratings others posted by posting to enough new ids, and a client would never learn that its ratings are gone.
 */
@ApplicationScoped
public class RatingsStore {

    /** Most bytes of compact JSON stored for one product: the HTTP body limit, so a compact body always fits. */
    public static final int MAX_PRODUCT_BYTES = 64 * 1024;

    private static final byte[] DEFAULT_RATINGS = "{\"Reviewer1\":5,\"Reviewer2\":4}".getBytes(StandardCharsets.UTF_8);

    private final Map<Long, byte[]> ratings = new ConcurrentHashMap<>();
    private final int maxProducts;

    @Inject
    public RatingsStore(RatingsConfig config) {
        this(config.store().maxProducts());
    }

    RatingsStore(int maxProducts) {
        this.maxProducts = maxProducts;
    }

    /**
     * The compact JSON (UTF-8) last posted for {@code id}, or {@code {"Reviewer1":5,"Reviewer2":4}}. Shared with the
     * store: callers only copy it.
     */
    public byte[] get(long id) {
        return ratings.getOrDefault(id, DEFAULT_RATINGS);
    }

    /** Whether {@link #put} would store ratings for {@code id}: always for a product already stored. */
    public boolean hasRoomFor(long id) {
        return ratings.size() < maxProducts || ratings.containsKey(id);
    }

    /**
     * Stores compact JSON (UTF-8, at most {@link #MAX_PRODUCT_BYTES}) for {@code id}, which the caller no longer
     * changes; false, with nothing stored, when {@code id} is a new product and the store is full. Synchronized so
     * that parallel posts for new products cannot overshoot the cap; reads never wait.
     *
     * @throws IllegalArgumentException when {@code compactJson} is longer than {@link #MAX_PRODUCT_BYTES}: the caller
     *     refuses such a body with a client error first
     */
    public synchronized boolean put(long id, byte[] compactJson) {
        if (compactJson.length > MAX_PRODUCT_BYTES) {
            throw new IllegalArgumentException(
                    "ratings of " + compactJson.length + " bytes are over the limit of " + MAX_PRODUCT_BYTES);
        }
        if (!hasRoomFor(id)) {
            return false;
        }
        ratings.put(id, compactJson);
        return true;
    }

    /** Bytes of posted JSON held now: at most {@link #maxProducts()} x {@link #MAX_PRODUCT_BYTES}. */
    public long bytesHeld() {
        long bytes = 0;
        for (byte[] json : ratings.values()) {
            bytes += json.length;
        }
        return bytes;
    }

    /** Most products that can have posted ratings, for the error message. */
    public int maxProducts() {
        return maxProducts;
    }
}
