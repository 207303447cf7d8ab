package dev.bookinfo.details.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code {"error":"..."}}, the body of every 400 (contract 4.2 and 4.4). */
@RegisterForReflection
public record ErrorBody(String error) {

    /** Upstream's text for a missing or non-numeric id, with its lower-case "id". */
    public static final ErrorBody NOT_NUMERIC = new ErrorBody("please provide numeric product id");
}
