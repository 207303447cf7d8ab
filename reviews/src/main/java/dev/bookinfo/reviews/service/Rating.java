package dev.bookinfo.reviews.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code rating} of a review: either {@code {"stars":5,"color":"black"}} or
 * {@code {"error":"Ratings service is currently unavailable"}}.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rating(Integer stars, String color, String error) {

    /** The text productpage shows and Istio's fault-injection and authorization tests look for. */
    public static final Rating UNAVAILABLE = new Rating(null, null, "Ratings service is currently unavailable");

    public static Rating stars(int stars, String color) {
        return new Rating(stars, color, null);
    }
}
