package dev.bookinfo.ratings.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Upstream's routing table (docs/upstream.md#ratings-routes) on the raw request path: GET on exactly {@code /health},
 * GET and POST on {@code /ratings/} followed by anything. Any other path, and POST {@code /health}, is a 404 with an
 * empty body and no content type. Other methods on the two paths get 405 with {@code Allow}
 * ({@link dev.bookinfo.common.rest.ErrorMappers}), where upstream left the connection hanging.
 *
 * <p>Quarkus REST alone is more lenient: it decodes the path, ignores a trailing slash and matrix parameters,
 * and lets {@code /ratings} match the {@code /ratings/{id}} template. Vert.x answers unmatched paths with an
 * HTML page; that is replaced by an empty 404.
 */
@Singleton
public class UpstreamRoutes {

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Void>> rejectWhatUpstreamDoesNotRoute(HttpServerRequest request) {
        String path = request.path();
        boolean routed = path.startsWith("/ratings/") || "/health".equals(path) && request.method() != HttpMethod.POST;
        return routed ? Optional.empty() : Optional.of(RestResponse.notFound());
    }

    void answerUnmatchedPathsWithEmpty404(@Observes Router router) {
        router.errorHandler(
                404, context -> context.response().setStatusCode(404).end());
    }
}
