package dev.bookinfo.productpage.rest;

import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code GET /logout}: forgets the user and goes back, like {@link LoginResource}. */
@Path("/logout")
public class LogoutResource {

    private final SessionCookie sessions;

    LogoutResource(SessionCookie sessions) {
        this.sessions = sessions;
    }

    @GET
    @NonBlocking
    public Response logout(HttpServerRequest request) {
        return LoginResource.redirect(request, sessions.signOut(sessions.overTls(request)));
    }
}
