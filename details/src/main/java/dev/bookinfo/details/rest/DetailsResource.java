package dev.bookinfo.details.rest;

import dev.bookinfo.common.LogText;
import dev.bookinfo.common.rest.ErrorBody;
import dev.bookinfo.common.rest.ProductIdRule;
import dev.bookinfo.details.service.BookLookupException;
import dev.bookinfo.details.service.DetailsService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * {@code /details/<id>} (docs/upstream.md#details-routes). As upstream, the id is the last path segment, so
 * {@code /details/1/2} asks for book 2; unlike upstream, it must be a plain decimal integer
 * (docs/upstream.md#what-we-fix), not any Ruby {@code Integer()} literal. The query string is ignored.
 *
 * <p>GET, POST and PUT behave alike because upstream's WEBrick handler ignores the method (productpage and Istio
 * only send GET); HEAD comes with GET. Any other method gets 405 ({@code dev.bookinfo.common.rest.ErrorMappers}).
 * The {@code Accept} header is not negotiated: the answer is always JSON, as upstream.
 */
@Path("details{rest: (/.*)?}")
public class DetailsResource {

    private static final Logger LOG = Logger.getLogger(DetailsResource.class);
    /** Upstream's answer to a missing or non-numeric id, with its lower-case "id". */
    static final ProductIdRule IDS = new ProductIdRule(400, ProductIdRule.NOT_NUMERIC);

    private final DetailsService details;

    DetailsResource(DetailsService details) {
        this.details = details;
    }

    @GET
    public Uni<Response> get(HttpServerRequest request) {
        return answer(request);
    }

    @POST
    public Uni<Response> post(HttpServerRequest request) {
        return answer(request);
    }

    @PUT
    public Uni<Response> put(HttpServerRequest request) {
        return answer(request);
    }

    private Uni<Response> answer(HttpServerRequest request) {
        long id = IDS.parseLong(lastSegment(request.path()));
        return details.details(id)
                .map(book -> Response.ok(book, MediaType.APPLICATION_JSON_TYPE).build())
                .onFailure(BookLookupException.class)
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "%s %s answered 400: %s [x-request-id=%s]",
                            request.method(),
                            LogText.printable(request.path()),
                            failure.getMessage(),
                            LogText.requestId(request.getHeader("x-request-id")));
                    return new ErrorBody(failure.getMessage()).response(400);
                });
    }

    /**
     * The last non-empty segment of the path, percent-decoded, as upstream's {@code path.split('/')[-1]}:
     * {@code /details/} yields {@code details}, which is not a number. The raw path is used so that a matrix
     * parameter ({@code 1;x=2}) or an encoded slash ({@code 1%2F2}) stays part of the segment and makes it
     * invalid, instead of being silently dropped or split.
     */
    static String lastSegment(String rawPath) {
        int end = rawPath.length();
        while (end > 0 && rawPath.charAt(end - 1) == '/') {
            end--;
        }
        String segment = rawPath.substring(rawPath.lastIndexOf('/', end - 1) + 1, end);
        try {
            // URLDecoder is for forms: protect '+' so that it is not turned into a space.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return segment;
        }
    }
}
