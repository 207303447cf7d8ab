package dev.bookinfo.reviews.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** One review. {@code rating} is absent (v1) unless ratings are enabled (v2, v3). */
@RegisterForReflection
public record Review(
        String reviewer,
        String text,
        @JsonInclude(JsonInclude.Include.NON_NULL) Rating rating) {

    Review withRating(Rating newRating) {
        return new Review(reviewer, text, newRating);
    }
}
