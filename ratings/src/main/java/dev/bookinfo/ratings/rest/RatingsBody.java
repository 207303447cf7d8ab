package dev.bookinfo.ratings.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code {"id":0,"ratings":{"Reviewer1":5,"Reviewer2":4}}}; {@code ratings} is whatever JSON was posted, kept as
 * compact JSON text and written as it is.
 */
@RegisterForReflection // returned inside a Response, so Quarkus cannot see the type to register it
public record RatingsBody(long id, @JsonRawValue String ratings) {}
