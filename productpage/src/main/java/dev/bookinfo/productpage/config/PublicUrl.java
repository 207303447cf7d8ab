package dev.bookinfo.productpage.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code PUBLIC_URL}: the address readers use to reach productpage ({@code https://bookinfo.example.com}), so that the
 * sign-in callback ({@code <PUBLIC_URL>/callback}) and the page readers return to after signing out
 * ({@code <PUBLIC_URL>/productpage}) never depend on what a request says about its own host. Only a scheme
 * ({@code http} or {@code https}), a host and an optional port: productpage serves from the root.
 */
public final class PublicUrl {

    private PublicUrl() {}

    /**
     * The URL without a trailing slash, scheme and host in lower case.
     *
     * @throws IllegalArgumentException with a message for the operator when {@code value} is not such a URL
     */
    public static String parse(String value) {
        String problem = "PUBLIC_URL=" + value + " is not a base URL such as https://bookinfo.example.com"
                + " (scheme http or https, a host, an optional port, nothing else)";
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !(path.isEmpty() || path.equals("/"))) {
            throw new IllegalArgumentException(problem);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Whether a parsed URL is served over TLS. */
    public static boolean isHttps(String parsed) {
        return parsed.startsWith("https:");
    }
}
