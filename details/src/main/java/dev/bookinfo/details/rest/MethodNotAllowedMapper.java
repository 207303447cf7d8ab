package dev.bookinfo.details.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 405 for DELETE, PATCH and other methods on {@code /details} and {@code /health} (upstream WEBrick also answers
 * 405 to DELETE), with the {@code Allow} header HTTP requires. Both resources accept the same methods.
 */
public class MethodNotAllowedMapper {

    static final String ALLOWED = "GET, HEAD, POST, PUT, OPTIONS";

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException notAllowed) {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, ALLOWED).build();
    }
}
