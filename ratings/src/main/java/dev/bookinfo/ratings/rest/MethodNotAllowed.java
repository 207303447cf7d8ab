package dev.bookinfo.ratings.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 405 for methods a known path does not serve (upstream never answered them: the connection hung).
 * Quarkus REST answers 405 already, but without the {@code Allow} header HTTP requires on it.
 */
public class MethodNotAllowed {

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException notAllowed, HttpServerRequest request) {
        String allow = request.path().startsWith("/ratings/") ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS";
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, allow).build();
    }
}
