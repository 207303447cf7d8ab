package dev.bookinfo.common.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code {"error":"..."}}, the body of every error a Bookinfo service answers itself, sent as
 * {@code application/json} like upstream's details and ratings (docs/upstream.md#details-routes,
 * docs/upstream.md#ratings-routes).
 */
@RegisterForReflection // returned inside a Response, so Quarkus cannot see the type to register it
public record ErrorBody(String error) {

    /** This body with {@code status}, as {@code application/json} whatever the request's {@code Accept} says. */
    public Response response(int status) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(this)
                .build();
    }
}
