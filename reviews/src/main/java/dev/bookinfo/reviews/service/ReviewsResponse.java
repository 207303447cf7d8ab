package dev.bookinfo.reviews.service;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Body of {@code GET /reviews/{productId}}, keys in upstream order. {@code id} is a string, as upstream.
 */
@RegisterForReflection
public record ReviewsResponse(String id, String podname, String clustername, List<Review> reviews) {}
