package dev.bookinfo.productpage.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns the documented variables into {@code quarkus.oidc.*} settings. Sign-in with OpenID Connect is on
 * exactly when {@code OIDC_AUTH_SERVER_URL} is set; otherwise nothing is emitted, the tenant stays disabled
 * ({@code application.properties}) and upstream's demo form login answers {@code POST /login}.
 *
 * <table>
 * <caption>Variables</caption>
 * <tr><td>{@code OIDC_AUTH_SERVER_URL}</td><td>{@code quarkus.oidc.auth-server-url}, and
 * {@code quarkus.oidc.tenant-enabled=true}</td></tr>
 * <tr><td>{@code OIDC_CLIENT_ID}</td><td>{@code quarkus.oidc.client-id}</td></tr>
 * <tr><td>{@code OIDC_CLIENT_SECRET}</td><td>{@code quarkus.oidc.credentials.secret}</td></tr>
 * <tr><td>{@code OIDC_AUDIENCE}</td><td>{@code audience} parameter of the authorization request, so that Auth0
 * issues a JWT access token for the Bookinfo API</td></tr>
 * <tr><td>{@code SESSION_ENCRYPTION_KEY}</td><td>{@code quarkus.oidc.token-state-manager.encryption-secret} (the
 * session cookies) and {@code quarkus.oidc.authentication.state-secret} (the sign-in state cookie with the PKCE code
 * verifier), shared by all replicas; required ({@link SignInSettingsCheck})</td></tr>
 * <tr><td>{@code PUBLIC_URL}</td><td>absolute {@code quarkus.oidc.authentication.redirect-path}
 * ({@code <PUBLIC_URL>/callback}) and {@code quarkus.oidc.logout.post-logout-path} ({@code <PUBLIC_URL>/productpage});
 * for an {@code https} URL also {@code force-redirect-https-scheme} and {@code cookie-force-secure}</td></tr>
 * <tr><td>{@code OIDC_LOGOUT=auth0}</td><td>Auth0's {@code /v2/logout?returnTo=...&client_id=...} instead of the
 * discovered {@code end_session_endpoint}</td></tr>
 * </table>
 *
 * <p>Code, not {@code ${OIDC_CLIENT_ID:}} expressions, because several settings follow from others (the tenant is
 * on when a server is set, the key serves two cookies, an {@code https} URL adds two flags) and an unset variable
 * must leave its property unset; the ordinal ({@value #ORDINAL}) is above {@code application.properties} (250),
 * whose sign-in defaults it replaces, and below environment variables (300), so {@code QUARKUS_OIDC_*} still win.
 * {@code OIDC_USER_CLAIM} is a plain expression in {@code application.properties}: it has a default.
 */
public class OidcEnvironment implements ConfigSourceFactory {

    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(
                properties(name -> {
                    ConfigValue value = context.getValue(name);
                    return Optional.ofNullable(value == null ? null : value.getValue())
                            .map(String::strip)
                            .filter(v -> !v.isEmpty());
                }),
                "OIDC_* environment variables",
                ORDINAL));
    }

    /** The {@code quarkus.oidc.*} properties for the given variables; empty when OIDC is not configured. */
    static Map<String, String> properties(Function<String, Optional<String>> env) {
        Map<String, String> properties = new HashMap<>();
        Optional<String> server = env.apply("OIDC_AUTH_SERVER_URL");
        if (server.isEmpty()) {
            return properties;
        }
        properties.put("quarkus.oidc.tenant-enabled", "true");
        properties.put("quarkus.oidc.auth-server-url", server.get());
        env.apply("OIDC_CLIENT_ID").ifPresent(id -> properties.put("quarkus.oidc.client-id", id));
        env.apply("OIDC_CLIENT_SECRET").ifPresent(secret -> properties.put("quarkus.oidc.credentials.secret", secret));
        env.apply("OIDC_AUDIENCE")
                .ifPresent(audience -> properties.put("quarkus.oidc.authentication.extra-params.audience", audience));
        env.apply("SESSION_ENCRYPTION_KEY").ifPresent(key -> {
            properties.put("quarkus.oidc.token-state-manager.encryption-secret", key);
            // Without it Quarkus would encrypt the state cookie with the client secret, or with a key of its own
            // that another replica does not know: a sign-in started on one pod could not finish on the next.
            properties.put("quarkus.oidc.authentication.state-secret", key);
        });
        env.apply("PUBLIC_URL").flatMap(OidcEnvironment::publicUrl).ifPresent(url -> {
            // Absolute targets: Quarkus uses them as they are instead of building them from the request's host.
            properties.put("quarkus.oidc.authentication.redirect-path", url + "/callback");
            properties.put("quarkus.oidc.logout.post-logout-path", url + "/productpage");
            if (PublicUrl.isHttps(url)) {
                // The callback's own URL is compared with the redirect URI; behind a proxy that Quarkus does not
                // trust, the request itself looks like plain http.
                properties.put("quarkus.oidc.authentication.force-redirect-https-scheme", "true");
                properties.put("quarkus.oidc.authentication.cookie-force-secure", "true");
            }
        });
        if (env.apply("OIDC_LOGOUT").filter("auth0"::equalsIgnoreCase).isPresent()) {
            // Auth0 tenants without RP-initiated logout: GET https://<tenant>/v2/logout?returnTo=...&client_id=...
            properties.put("quarkus.oidc.end-session-path", "v2/logout");
            properties.put("quarkus.oidc.logout.post-logout-uri-param", "returnTo");
            env.apply("OIDC_CLIENT_ID")
                    .ifPresent(id -> properties.put("quarkus.oidc.logout.extra-params.client_id", id));
        }
        return properties;
    }

    /** A valid {@code PUBLIC_URL}; an invalid one is left to {@link SignInSettingsCheck}, which refuses to start. */
    private static Optional<String> publicUrl(String value) {
        try {
            return Optional.of(PublicUrl.parse(value));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }
}
