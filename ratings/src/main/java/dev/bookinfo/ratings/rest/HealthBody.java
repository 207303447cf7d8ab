package dev.bookinfo.ratings.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code {"status":"Ratings is healthy"}}. */
@RegisterForReflection // returned inside a Response, so Quarkus cannot see the type to register it
public record HealthBody(String status) {
}
