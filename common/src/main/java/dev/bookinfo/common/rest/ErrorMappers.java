package dev.bookinfo.common.rest;

import dev.bookinfo.common.rest.ProductIdRule.InvalidProductId;
import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The answers every service gives to two client mistakes, in one place.
 *
 * <ul>
 * <li>A method that a known path does not serve: 405 with an empty body and the {@code Allow} header HTTP requires
 * ({@link AllowedMethods}), recorded in metrics under the route template of the path (not the path a client
 * sent). Upstream left such connections hanging in ratings and answered 405 in details and
 * productpage (productpage's {@code GET /login}: {@code Allow: POST, OPTIONS}); docs/upstream.md#what-we-fix.</li>
 * <li>A product id that is not a decimal integer: the service's {@link ProductIdRule}, with an {@link ErrorBody}.</li>
 * </ul>
 * Neither writes a log line: both are expected, and a client could otherwise fill the log.
 */
public class ErrorMappers {

    private volatile AllowedMethods allowed;

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException notAllowed) {
        AllowedMethods table = AllowedMethods.of(ResteasyReactiveRecorder.getCurrentDeployment(), allowed);
        allowed = table;
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        if (request == null) {
            return Response.status(Response.Status.METHOD_NOT_ALLOWED)
                    .header(HttpHeaders.ALLOW, "OPTIONS")
                    .build();
        }
        AllowedMethods.Answer answer = table.answer(request.getPathWithoutPrefix());
        if (answer.template() != null) {
            // Quarkus names a route only when a method matched; without this the 405 would be recorded under the raw
            // path, a new series for every path a client makes up.
            RouteTemplates.record(request, answer.template());
        }
        return Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, answer.allow())
                .build();
    }

    @ServerExceptionMapper
    public Response invalidProductId(InvalidProductId invalid) {
        return new ErrorBody(invalid.rule().error()).response(invalid.rule().status());
    }
}
