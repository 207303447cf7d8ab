package dev.bookinfo.productpage.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Logs a sign-in that a visitor broke at WARN, not ERROR, once per {@code /callback}. Anybody can call
 * {@code /callback}, and an ERROR would page an operator over a client's request; any anonymous client could fill
 * the log with them. Quarkus OIDC logs an ERROR:
 *
 * <ul>
 *   <li>whenever {@code /callback} arrives with a {@code state} that does not match the visitor's {@code q_auth_*}
 *       state cookie, or with none, or with several: a stale tab, a replayed or forged callback, anybody's
 *       {@code curl};
 *   <li>twice (the provider client's record and the mechanism's) when the provider refuses the code with
 *       {@code invalid_grant}: the code was already used, expired, or made up, and the code is the client's (a
 *       fresh state cookie from {@code /login} and any {@code code} get that far). The provider client's record is
 *       lowered to DEBUG and the mechanism's to WARN, so the refusal is one WARN line.
 * </ul>
 *
 * Other errors of the sign-in stay ERROR: they are the operator's to fix. The provider names its refusal in the error
 * body that both records quote (RFC 6749, section 5.2): a wrong client secret is {@code invalid_client} (Auth0 and
 * Keycloak answer 401), a client not allowed the code flow {@code unauthorized_client}, a wrong token URL a 404, a
 * provider down a 5xx or no answer; none of them says {@code invalid_grant}, and an error body that cannot be read as
 * one stays ERROR too.
 */
@Singleton
public class SignInLogLevels {

    static final String MECHANISM = "io.quarkus.oidc.runtime.CodeAuthenticationMechanism";
    static final String PROVIDER_CLIENT = "io.quarkus.oidc.runtime.OidcProviderClientImpl";

    /** The OAuth error code of a refused grant in the provider's JSON error body. */
    private static final Pattern INVALID_GRANT = Pattern.compile("\"error\"\\s*:\\s*\"invalid_grant\"");

    /** Kept here: a JUL logger is referenced weakly, and its filter must live as long as the application. */
    private Logger mechanism;

    private Logger providerClient;

    void demote(@Observes StartupEvent start) {
        mechanism = Logger.getLogger(MECHANISM);
        mechanism.setFilter(SignInLogLevels::demoted);
        providerClient = Logger.getLogger(PROVIDER_CLIENT);
        Logger client = providerClient;
        providerClient.setFilter(record -> demotedProviderRecord(record, client.isLoggable(Level.FINE)));
    }

    /** Lowers the mechanism's state-parameter errors and refused grants to WARN; lets every record through. */
    static boolean demoted(LogRecord record) {
        String message = record.getMessage();
        if (isError(record)
                && message != null
                && (message.startsWith("State ")
                        || (message.startsWith("Exception during the code to token exchange")
                                && refusedGrant(record)))) {
            record.setLevel(org.jboss.logmanager.Level.WARN);
        }
        return true;
    }

    /**
     * Lowers the provider client's record of a refused grant to DEBUG, written only when DEBUG is on for it (the
     * mechanism's WARN says the same); lets every other record through as it is.
     */
    static boolean demotedProviderRecord(LogRecord record, boolean debugEnabled) {
        String message = record.getMessage();
        if (isError(record) && message != null && message.startsWith("Request ") && refusedGrant(record)) {
            record.setLevel(org.jboss.logmanager.Level.DEBUG);
            return debugEnabled;
        }
        return true;
    }

    private static boolean isError(LogRecord record) {
        return record.getLevel().intValue() > Level.WARNING.intValue();
    }

    private static boolean refusedGrant(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters == null) {
            return false;
        }
        for (Object parameter : parameters) {
            if (parameter != null && INVALID_GRANT.matcher(parameter.toString()).find()) {
                return true;
            }
        }
        return false;
    }
}
