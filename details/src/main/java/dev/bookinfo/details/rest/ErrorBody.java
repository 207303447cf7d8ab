package dev.bookinfo.details.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code {"error":"..."}}, the body of every 400 (docs/upstream.md#details-routes,
 * docs/upstream.md#details-v2-google-books).
 */
@RegisterForReflection
public record ErrorBody(String error) {

    /** Upstream's text for a missing or non-numeric id, with its lower-case "id". */
    public static final ErrorBody NOT_NUMERIC = new ErrorBody("please provide numeric product id");
}
