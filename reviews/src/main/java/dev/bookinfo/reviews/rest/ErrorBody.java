package dev.bookinfo.reviews.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code {"error":"..."}}, the error shape shared by the Bookinfo services. */
@RegisterForReflection
public record ErrorBody(String error) {
}
