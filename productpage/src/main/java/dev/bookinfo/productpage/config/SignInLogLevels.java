package dev.bookinfo.productpage.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs a sign-in that a visitor broke at WARN, not ERROR. Quarkus OIDC logs an ERROR whenever {@code /callback}
 * arrives with a {@code state} that does not match the visitor's {@code q_auth_*} state cookie, or with none, or
 * with several: a stale tab, a replayed or forged callback, anybody's {@code curl}. The visitor gets its 401 or 400;
 * an ERROR would page an operator over a client's request, and any anonymous client could fill the log with them.
 * Other errors of the sign-in (the provider refusing the code, a token without claims) stay ERROR: they may be
 * the operator's configuration.
 */
@Singleton
public class SignInLogLevels {

    static final String MECHANISM = "io.quarkus.oidc.runtime.CodeAuthenticationMechanism";

    /** Kept here: a JUL logger is referenced weakly, and its filter must live as long as the application. */
    private Logger logger;

    void demote(@Observes StartupEvent start) {
        logger = Logger.getLogger(MECHANISM);
        logger.setFilter(SignInLogLevels::demoted);
    }

    /** Lowers the state-parameter errors to WARN; lets every record through. */
    static boolean demoted(LogRecord record) {
        String message = record.getMessage();
        if (record.getLevel().intValue() > Level.WARNING.intValue()
                && message != null
                && message.startsWith("State ")) {
            record.setLevel(org.jboss.logmanager.Level.WARN);
        }
        return true;
    }
}
