package dev.bookinfo.security;

import dev.bookinfo.common.LogText;
import dev.bookinfo.common.rest.ErrorBody;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * In {@code standalone} mode, every request matched to a REST resource needs a valid {@code Authorization: Bearer}
 * JWT unless the resource class is marked {@link PublicEndpoint} (upstream's {@code /health}); a missing or bad one
 * gets 401 with a JSON error body. {@code /q/health/**} is not a REST resource and never reaches this filter. In
 * {@code mesh} mode nothing is checked: authentication is lazy ({@code quarkus.http.auth.proactive=false}), so
 * without this filter no token is ever verified.
 *
 * <p>The decision is taken on the resource the router matched, never on the path as the client spelled it: the
 * router removes dot segments and decodes {@code %2e} first, so {@code /health/../details/0} and
 * {@code /health/%2e%2e/details/0} are requests for {@code /details/0}, whatever their first segment says.
 * The filter runs after matching, so unknown paths still get their 404 and wrong methods their 405.
 */
@ApplicationScoped // created on first use: the config mapping does not exist yet when REST filters are set up
public class AccessTokenFilter {

    private static final Logger LOG = Logger.getLogger(AccessTokenFilter.class);

    /** Longest reason written: room for jose4j's explanation of two or three refused claims. */
    static final int REASON_CHARS = 300;

    static final ErrorBody MISSING = new ErrorBody("please provide a bearer access token");
    static final ErrorBody INVALID = new ErrorBody("invalid access token");

    private final boolean standalone;
    private final CurrentIdentityAssociation identity;

    AccessTokenFilter(JwtConfig config, CurrentIdentityAssociation identity) {
        this.standalone = config.mode() == JwtMode.STANDALONE;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> requireAccessToken(HttpServerRequest request, SimpleResourceInfo resource) {
        if (!standalone || isPublic(resource.getResourceClass())) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .map(user -> user.isAnonymous() ? unauthorized(MISSING, "Bearer") : null)
                .onFailure()
                .recoverWithItem(failure -> {
                    LOG.warnf(
                            "%s %s answered 401: invalid access token (%s) [x-request-id=%s]",
                            request.method(),
                            LogText.printable(request.path()),
                            reason(failure, bearerToken(request)),
                            LogText.requestId(request.getHeader("x-request-id")));
                    return unauthorized(INVALID, "Bearer error=\"invalid_token\"");
                });
    }

    /** The credentials of {@code Authorization: Bearer <token>}, to keep them out of log lines. */
    private static String bearerToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization == null
                ? null
                : authorization.replaceFirst("(?i)^Bearer\\s+", "").strip();
    }

    static boolean isPublic(Class<?> resourceClass) {
        return resourceClass.isAnnotationPresent(PublicEndpoint.class);
    }

    private static Response unauthorized(ErrorBody body, String challenge) {
        return Response.fromResponse(body.response(401))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    /**
     * Why the token was refused, in one line and without the token itself: jose4j's messages quote the whole JWS,
     * which must not end up in a log. The rest is the client's text too (a claim's value, an unknown {@code crit}
     * header), so it is escaped and cut like any other ({@link LogText}).
     */
    static String reason(Throwable failure, String token) {
        Throwable last = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidJwtException invalid
                    && !invalid.getErrorDetails().isEmpty()) {
                return LogText.printable(
                        invalid.getErrorDetails().stream()
                                .map(error -> redact(error.getErrorMessage(), token))
                                .collect(Collectors.joining("; ")),
                        REASON_CHARS);
            }
            last = t;
        }
        // e.g. "UnknownHostException: tenant.auth0.com" when the keys cannot be fetched
        return LogText.printable(
                redact(
                        last.getClass().getSimpleName() + (last.getMessage() == null ? "" : ": " + last.getMessage()),
                        token),
                REASON_CHARS);
    }

    private static String redact(String message, String token) {
        String line = message;
        if (token != null && !token.isEmpty()) {
            line = line.replace(token, "<token>");
        }
        for (String secret : new String[] {"JsonWebSignature{", "eyJ", "(claims->"}) {
            int at = line.indexOf(secret);
            if (at >= 0) {
                line = line.substring(0, at) + "...";
            }
        }
        return line;
    }
}
