package dev.bookinfo.productpage.service;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who is signed in for the current request: the name in a valid {@code session} cookie (demo login).
 * The page shows it and it is sent downstream as {@code end-user}. Swap this bean's source for the
 * OIDC identity when that login arrives.
 */
@RequestScoped
public class CurrentUser {

    private final HttpServerRequest request;
    private final SessionCookie sessions;
    private Optional<String> name;

    CurrentUser(HttpServerRequest request, SessionCookie sessions) {
        this.request = request;
        this.sessions = sessions;
    }

    /** The signed-in user's name, or empty when logged out. */
    public Optional<String> name() {
        if (name == null) {
            Cookie cookie = request.getCookie(SessionCookie.NAME);
            name = cookie == null ? Optional.empty() : sessions.user(cookie.getValue());
        }
        return name;
    }
}
