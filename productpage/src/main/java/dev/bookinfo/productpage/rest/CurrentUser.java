package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.service.UserNames;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is signed in for the current request. The page shows the name and it is sent downstream as
 * {@code end-user}.
 * <ul>
 * <li>With OpenID Connect configured ({@code quarkus.oidc.tenant-enabled}): the user of the OIDC session, named
 * by the ID token claim {@code OIDC_USER_CLAIM} (Auth0: {@code nickname}; {@code quarkus.oidc.token.principal-claim}).
 * The demo cookie is ignored then: anybody could make one up.</li>
 * <li>Otherwise: the name in a valid {@code session} cookie of the demo login.</li>
 * </ul>
 * Authentication is proactive, so the identity is known before any resource runs.
 */
@RequestScoped
public class CurrentUser {

    private final HttpServerRequest request;
    private final SessionCookie sessions;
    private final SecurityIdentity identity;
    private final boolean oidc;
    private Optional<String> name;

    CurrentUser(
            HttpServerRequest request,
            SessionCookie sessions,
            SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc) {
        this.request = request;
        this.sessions = sessions;
        this.identity = identity;
        this.oidc = oidc;
    }

    /** Whether users sign in with OpenID Connect rather than the demo form. */
    public boolean oidc() {
        return oidc;
    }

    /** The signed-in user's name, or empty when logged out. */
    public Optional<String> name() {
        if (name == null) {
            name = oidc ? oidcUser() : demoUser();
        }
        return name;
    }

    /**
     * The name to send as {@code end-user}: {@link #name()} when {@link UserNames#isHeaderSafe header-safe}. A provider's
     * claim is whatever the user typed there; one with a control character or over 64 characters is still shown on
     * the page (escaped), but never reaches a header.
     */
    public Optional<String> endUser() {
        return name().filter(UserNames::isHeaderSafe);
    }

    private Optional<String> oidcUser() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identity.getPrincipal().getName()).filter(user -> !user.isBlank());
    }

    private Optional<String> demoUser() {
        Cookie cookie = request.getCookie(SessionCookie.NAME);
        return cookie == null ? Optional.empty() : sessions.user(cookie.getValue());
    }
}
