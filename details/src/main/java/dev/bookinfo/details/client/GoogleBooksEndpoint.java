package dev.bookinfo.details.client;

import dev.bookinfo.details.config.DetailsConfig;
import java.net.URI;
import java.util.Optional;

/** Where the Google Books API lives, following upstream's {@code DO_NOT_ENCRYPT} switch. */
public final class GoogleBooksEndpoint {

    /** Upstream's default: TLS on port 443. */
    public static final URI ENCRYPTED = URI.create("https://www.googleapis.com:443");

    /**
     * Plain HTTP on port 80, for {@code DO_NOT_ENCRYPT=true}: Istio's {@code egress-rule-google-apis.yaml}
     * then originates TLS in the sidecar.
     */
    public static final URI UNENCRYPTED = URI.create("http://www.googleapis.com:80");

    private GoogleBooksEndpoint() {}

    /**
     * The base URL to call: the configured override if any, otherwise plain HTTP when {@code doNotEncrypt} is
     * exactly {@code true} and HTTPS for any other value (including {@code TRUE}, {@code yes} or {@code 1}).
     */
    public static URI baseUri(Optional<URI> override, String doNotEncrypt) {
        return override.orElseGet(() -> DetailsConfig.isExactlyTrue(doNotEncrypt) ? UNENCRYPTED : ENCRYPTED);
    }
}
