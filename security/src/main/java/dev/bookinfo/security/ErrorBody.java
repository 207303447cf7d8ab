package dev.bookinfo.security;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code {"error":"..."}}, the body of a 401: the same shape as each service's own error bodies. */
@RegisterForReflection // returned inside a Response, so Quarkus cannot see the type to register it
public record ErrorBody(String error) {
}
