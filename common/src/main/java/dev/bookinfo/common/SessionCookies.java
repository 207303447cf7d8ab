package dev.bookinfo.common;

import java.util.StringJoiner;

/**
 * Removes productpage's session cookies from a {@code Cookie} header before it is copied onto a call to another
 * service. Those cookies are credentials for productpage alone: the OpenID Connect session ({@code q_session},
 * {@code q_session_at}, {@code q_session_rt} and their {@code _chunk_N} parts hold the user's encrypted ID, access
 * and refresh tokens), the sign-in state ({@code q_auth*}, it holds the PKCE code verifier), the logout state
 * ({@code q_post_logout*}) and the demo login's signed {@code session}. Any backend that received them could replay
 * them against productpage as that user.
 *
 * <p>Every other cookie still travels, as upstream's services copy the whole {@code Cookie} header
 * ({@code samples/bookinfo/src/productpage/productpage.py}, {@code headers_to_propagate}): an Istio
 * {@code VirtualService} may route on a cookie ({@code headers: cookie: regex: ...}), and it is the mesh that reads
 * it on each hop. When nothing is left, there is no header at all.
 */
public final class SessionCookies {

    private SessionCookies() {}

    /**
     * {@code cookieHeader} without productpage's session cookies, the other pairs unchanged and in order;
     * {@code null} when the input is {@code null} or nothing remains.
     */
    public static String strip(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        StringJoiner kept = new StringJoiner("; ");
        for (String pair : cookieHeader.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!namesSessionCookie(trimmed)) {
                kept.add(trimmed);
            }
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /**
     * Whether any comma-separated part of one {@code ;}-separated pair is named like a session cookie. Netty's decoder
     * (Vert.x, so productpage and quarkus-oidc) skips commas and whitespace before a name, so it reads
     * {@code x=1;,session=v} as a {@code session} cookie; parsers that still follow RFC 2965 split {@code x=1, session=v}
     * at the comma. Either way the pair is a session cookie to somebody, and it stays home.
     */
    private static boolean namesSessionCookie(String pair) {
        for (String part : pair.split(",")) {
            int eq = part.indexOf('=');
            if (isSessionCookie((eq < 0 ? part : part.substring(0, eq)).strip())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code name} is one of productpage's session cookies. Cookie names are case-sensitive
     * (RFC 6265); browsers and Quarkus send them as they were set.
     */
    public static boolean isSessionCookie(String name) {
        return "session".equals(name)
                || name.startsWith("q_session")
                || name.startsWith("q_auth")
                || name.startsWith("q_post_logout");
    }
}
