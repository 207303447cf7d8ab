package dev.bookinfo.productpage.client;

import io.quarkus.oidc.token.propagation.reactive.AccessTokenRequestReactiveFilter;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;

/**
 * Sends the signed-in user's OIDC <em>access</em> token as {@code Authorization: Bearer ...} to details, reviews and
 * ratings: the filter of {@code quarkus-rest-client-oidc-token-propagation} ({@code @AccessToken}), with one change.
 * For an anonymous visitor the extension aborts the call with a local 401, which would turn every page of a signed
 * out user into error blocks even where no backend asks for a token (mesh mode without an AuthorizationPolicy, or
 * the demo login). Here such a call goes out unchanged instead: it carries no token, or the {@code authorization}
 * header the visitor sent, which productpage copies as upstream does (docs/upstream.md#header-propagation). With a
 * signed-in user, this token replaces any incoming {@code authorization} header.
 */
public class UserAccessTokenFilter extends AccessTokenRequestReactiveFilter {

    @Override
    protected void abortRequest(ResteasyReactiveClientRequestContext context) {
        // Anonymous: no token to add; let the call go out as it is.
    }
}
