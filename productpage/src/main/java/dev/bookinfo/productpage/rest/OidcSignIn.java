package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.config.ProductPageConfig;
import dev.bookinfo.productpage.config.PublicUrl;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Sign-in with OpenID Connect (SECURITY.md#what-each-layer-checks), active only when it is configured; with the demo
 * login, {@code GET /login} stays a 405 and {@code /callback} a 404, as upstream.
 * <ul>
 * <li>{@code GET /login}: a signed-out visitor is sent to the provider (the OIDC mechanism's challenge: a 302 to its
 * authorization endpoint, with {@code /callback} as redirect URI); a signed-in one goes to {@code /productpage}.</li>
 * <li>{@code POST /login} (the demo form, still in the page's markup): 303 to {@code GET /login}.</li>
 * <li>{@code GET /callback}: Quarkus OIDC has already exchanged the code and set the session cookie before this
 * filter runs, and redirected here without the code; what is left is going to {@code /productpage}.</li>
 * </ul>
 * {@code GET /logout} of a signed-in user is handled by Quarkus OIDC ({@code quarkus.oidc.logout.path}): it ends
 * the session and the provider's session, then the provider sends the browser to {@code /productpage}.
 */
public class OidcSignIn {

    static final URI PRODUCT_PAGE = URI.create("/productpage");

    private final SecurityIdentity identity;
    private final boolean oidc;
    private final ProductPageConfig config;

    OidcSignIn(
            SecurityIdentity identity,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean oidc,
            ProductPageConfig config) {
        this.identity = identity;
        this.oidc = oidc;
        this.config = config;
    }

    /**
     * {@code <PUBLIC_URL>/productpage}, or the relative {@code /productpage} (which Quarkus completes with the request's
     * own scheme and host, taken from {@code X-Forwarded-*} only when a trusted proxy sent them).
     */
    private URI productPage() {
        return config.publicUrl()
                .map(url -> {
                    try {
                        return URI.create(PublicUrl.parse(url) + PRODUCT_PAGE);
                    } catch (IllegalArgumentException invalid) {
                        return PRODUCT_PAGE; // SignInSettingsCheck refuses to start
                    }
                })
                .orElse(PRODUCT_PAGE);
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> signIn(HttpServerRequest request) {
        if (!oidc) {
            return Optional.empty();
        }
        String path = request.path();
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if ("/login".equals(path) && read) {
            if (identity.isAnonymous()) {
                // Mapped by Quarkus to the authentication mechanism's challenge: the redirect to the provider.
                throw new UnauthorizedException();
            }
            return Optional.of(Response.status(Response.Status.FOUND)
                    .location(productPage())
                    .build());
        }
        if ("/login".equals(path) && request.method() == HttpMethod.POST) {
            return Optional.of(Response.seeOther(URI.create("/login")).build());
        }
        if ("/callback".equals(path) && read) {
            return Optional.of(Response.status(Response.Status.FOUND)
                    .location(productPage())
                    .build());
        }
        return Optional.empty();
    }
}
