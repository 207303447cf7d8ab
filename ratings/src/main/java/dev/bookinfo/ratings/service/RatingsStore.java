package dev.bookinfo.ratings.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ratings per product id, in memory and per instance like upstream (contract 6.3): nothing is shared
 * between replicas and everything is lost on restart. Stored values are never modified after {@link #put}.
 */
@ApplicationScoped
public class RatingsStore {

    private static final JsonNode DEFAULT_RATINGS = defaultRatings();

    private final Map<Long, JsonNode> ratings = new ConcurrentHashMap<>();

    /** The ratings last posted for {@code id}, or {@code {"Reviewer1":5,"Reviewer2":4}}. */
    public JsonNode get(long id) {
        return ratings.getOrDefault(id, DEFAULT_RATINGS);
    }

    /** Stores any JSON value (object, array, number, string, boolean, null) for {@code id}. */
    public void put(long id, JsonNode value) {
        ratings.put(id, value);
    }

    private static JsonNode defaultRatings() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Reviewer1", 5);
        node.put("Reviewer2", 4);
        return node;
    }
}
