package dev.bookinfo.productpage.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path rules Quarkus REST would not apply by itself. Runs before matching, for every request that no
 * static file answered.
 */
public class PathFilters {

    /** Our own assets under {@code META-INF/resources/static}; a test keeps this list complete. */
    static final Set<String> STATIC_FILES =
            Set.of("/static/css/bookinfo.css", "/static/js/bookinfo.js", "/static/img/avatar.svg");

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Void>> checkPath(HttpServerRequest request) {
        String path = request.path();
        if (path == null) {
            return Optional.empty();
        }
        // Quarkus REST ignores a trailing slash when matching; upstream (Werkzeug) does not, so
        // /productpage/ and /api/v1/products/ stay 404.
        if (path.length() > 1 && path.endsWith("/")) {
            return Optional.of(RestResponse.notFound());
        }
        // Static files only answer GET and HEAD; other methods on them fall through to here.
        if (STATIC_FILES.contains(path) && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return Optional.of(RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, "GET, HEAD")
                    .build());
        }
        return Optional.empty();
    }
}
