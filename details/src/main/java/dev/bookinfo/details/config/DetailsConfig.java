package dev.bookinfo.details.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Configuration of the details service. Upstream's env var names ({@code ENABLE_EXTERNAL_BOOK_SERVICE},
 * {@code DO_NOT_ENCRYPT}) are wired onto these properties in {@code application.properties}, which states every
 * default; a blank variable counts as unset ({@link dev.bookinfo.common.BlankIsUnset}).
 *
 * <p>The prefix is deliberately not {@code details}: Kubernetes injects {@code DETAILS_PORT=tcp://...} and
 * friends into every pod, and a mapping named after the service could pick them up.
 *
 * <p>{@code bookinfo.jwt.mode} ({@code JWT_MODE}) is mapped by {@link dev.bookinfo.security.JwtConfig}, shared with the
 * other services.
 */
@ConfigMapping(prefix = "bookinfo")
public interface DetailsConfig {

    /**
     * Raw value of {@code ENABLE_EXTERNAL_BOOK_SERVICE}. Upstream compares it with the exact string
     * {@code true}, so this is a string, not a boolean (a boolean converter would also accept yes/on/1).
     */
    String enableExternalBookService();

    /** Whether {@code GET /details/{id}} looks the book up in Google Books (the v2 behaviour). */
    default boolean externalBookServiceEnabled() {
        return isExactlyTrue(enableExternalBookService());
    }

    /** The Google Books API that v2 calls. */
    GoogleBooks googleBooks();

    interface GoogleBooks {

        /**
         * Raw value of {@code DO_NOT_ENCRYPT}. Only the exact string {@code true} selects plain HTTP on
         * port 80 (for a mesh that originates TLS itself); anything else means HTTPS on port 443.
         */
        String doNotEncrypt();

        /**
         * Base URL of the Google Books API, replacing the one chosen from {@link #doNotEncrypt()}.
         * For tests and for a proxy or mirror.
         */
        Optional<URI> url();

        /** How long to wait for Google's answer once connected (upstream: 5 s). */
        Duration readTimeout();

        /** How long to wait for the TCP (and TLS) connection to Google. */
        Duration connectTimeout();
    }

    /** Upstream's switch semantics: only the exact, case-sensitive string {@code true} is on. */
    static boolean isExactlyTrue(String value) {
        return "true".equals(value);
    }
}
