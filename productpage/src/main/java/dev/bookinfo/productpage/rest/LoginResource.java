package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.service.RedirectTarget;
import dev.bookinfo.productpage.service.UserNames;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The demo login used while OIDC is not configured (docs/upstream.md#the-user-and-end-user): any name, no password.
 * Istio's test helper posts {@code username=jason&passwd=password} without a Referer and keeps only
 * the cookie, so that must keep working. Login and logout redirect back to a same-origin Referer path,
 * or to {@code /productpage}. Names are limited to {@link UserNames#isValidLogin} (400 otherwise): the name
 * travels to the backends in the {@code end-user} header.
 */
@Path("/login")
public class LoginResource {

    private final SessionCookie sessions;

    LoginResource(SessionCookie sessions) {
        this.sessions = sessions;
    }

    /**
     * {@code username} from the query string or the form body (upstream reads both); {@code passwd} is ignored.
     * The body is read as text ({@link LoginForm}), not through Quarkus' form parser.
     */
    @POST
    @NonBlocking
    public Response login(@RestQuery("username") String queryUser, String body, HttpServerRequest request) {
        String user = queryUser != null
                ? queryUser
                : LoginForm.field(request.getHeader(HttpHeaders.CONTENT_TYPE), body, "username");
        boolean secure = sessions.overTls(request);
        if (user == null || user.isBlank()) {
            return redirect(request, sessions.signOut(secure));
        }
        if (!UserNames.isValidLogin(user)) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .entity(UserNames.LOGIN_RULE + "\n")
                    .build();
        }
        return redirect(request, sessions.signIn(user, secure));
    }

    /** A 302 to where the browser came from (same origin only), setting or clearing the session cookie. */
    static Response redirect(HttpServerRequest request, String cookie) {
        HostAndPort authority = request.authority();
        String target = RedirectTarget.from(
                request.getHeader(HttpHeaders.REFERER),
                request.scheme(),
                authority == null ? null : authority.host(),
                authority == null ? -1 : authority.port());
        return Response.status(Response.Status.FOUND)
                .header("Location", target)
                .header("Set-Cookie", cookie)
                .build();
    }
}
