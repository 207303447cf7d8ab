package dev.bookinfo.ratings.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code {"error":"..."}}. */
@RegisterForReflection // returned inside a Response, so Quarkus cannot see the type to register it
public record ErrorBody(String error) {
}
