package dev.bookinfo.productpage.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where {@code /login} and {@code /logout} send the browser. Upstream redirects to the raw
 * {@code Referer}, or to the literal {@code None} without one. We keep the "back to where you were"
 * behaviour but only for a same-origin Referer, and only its path and query, so the redirect can
 * never leave the site.
 */
public final class RedirectTarget {

    /** The fallback: no Referer, a foreign one, or anything we cannot parse. */
    public static final String DEFAULT = "/productpage";

    private RedirectTarget() {}

    /**
     * @param referer the {@code Referer} header, may be {@code null}
     * @param scheme the request's scheme ({@code http} or {@code https})
     * @param host the request's host, from its {@code Host} header
     * @param port the request's port from its {@code Host} header, or -1 when absent
     */
    public static String from(String referer, String scheme, String host, int port) {
        if (referer == null || referer.isBlank() || scheme == null || host == null) {
            return DEFAULT;
        }
        URI uri;
        try {
            uri = new URI(referer.strip());
        } catch (URISyntaxException malformed) {
            return DEFAULT;
        }
        if (!scheme.equalsIgnoreCase(uri.getScheme())
                || uri.getRawUserInfo() != null
                || uri.getHost() == null
                || !stripBrackets(uri.getHost()).equalsIgnoreCase(stripBrackets(host))
                || effectivePort(uri.getScheme(), uri.getPort()) != effectivePort(scheme, port)) {
            return DEFAULT;
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return DEFAULT;
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static int effectivePort(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return "https".equals(scheme.toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
