package dev.bookinfo.common;

import static dev.bookinfo.common.LogText.printable;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Requests that fail before any resource sees them with a 4xx status (Vert.x Web rejects an HTTP/1.1 request
 * without {@code Host} and an HTTP/2 request without {@code :authority} with 400, for example) get that status with
 * an empty body, like the 400, 413, 414 and 431 that Vert.x sends for requests it cannot parse at all, and one WARN
 * line without a stack trace. Quarkus' own failure handler would log each of them as an ERROR with an error id,
 * so that anyone could fill an operator's log and alerts. Other failures (5xx) still go to Quarkus' handler.
 */
@ApplicationScoped
public class ClientErrors {

    private static final Logger LOG = Logger.getLogger(ClientErrors.class);

    void register(@Observes Router router) {
        // Failure handlers run in route order; Quarkus adds its own as the last one.
        router.route().order(Integer.MIN_VALUE).failureHandler(ClientErrors::handle);
        router.route().order(Integer.MIN_VALUE).handler(ClientErrors::rejectUnparsableAccept);
    }

    /**
     * A request whose {@code Accept} header Vert.x Web cannot parse (an unterminated quote such as
     * {@code a/b;c="}) gets 400 with an empty body and one WARN line. Vert.x parses the header only when a route
     * declares what it produces (the Micrometer endpoint at /q/metrics does), and then throws from inside the
     * router: Quarkus would answer 500 and log an ERROR with a stack trace. So the header is parsed here, first.
     */
    static void rejectUnparsableAccept(RoutingContext context) {
        if (context.request().headers().contains(HttpHeaders.ACCEPT)) {
            try {
                for (MIMEHeader accepted : context.parsedHeaders().accept()) {
                    accepted.component();
                    accepted.parameters();
                }
            } catch (RuntimeException e) {
                HttpServerRequest request = context.request();
                LOG.warnf(
                        "%s %s rejected with 400: unparsable Accept header %s",
                        request.method(), printable(request.path()), printable(request.getHeader(HttpHeaders.ACCEPT)));
                context.response()
                        .setStatusCode(400)
                        .putHeader("content-length", "0")
                        .end();
                return;
            }
        }
        context.next();
    }

    static void handle(RoutingContext context) {
        int status = context.statusCode();
        HttpServerResponse response = context.response();
        // A failure without a cause is the router's own 404 or 405, which Quarkus answers without logging.
        if (status < 400 || status > 499 || context.failure() == null || response.headWritten()) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        LOG.warnf(
                "%s %s rejected with %d: %s",
                request.method(),
                printable(request.path()),
                status,
                printable(context.failure().getMessage()));
        response.setStatusCode(status).putHeader("content-length", "0").end();
    }
}
