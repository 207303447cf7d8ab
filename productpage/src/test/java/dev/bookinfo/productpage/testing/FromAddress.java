package dev.bookinfo.productpage.testing;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Requests to productpage from a chosen loopback address: Linux answers on all of 127.0.0.0/8, so a test can
 * connect as the Istio sidecar does (127.0.0.6, a trusted proxy) or as anybody else (127.0.0.9). productpage is
 * addressed as {@code 127.0.0.1:<port>}, which is also the request's own host.
 */
public final class FromAddress {

    /** Where the sidecar connects from since Istio 1.10. */
    public static final String SIDECAR = "127.0.0.6";
    /** Not on the trusted list. */
    public static final String STRANGER = "127.0.0.9";

    private FromAddress() {}

    /** {@code http://127.0.0.1:<test port>}: the origin as productpage sees it without forwarded headers. */
    public static String origin() {
        return "http://127.0.0.1:" + RestAssured.port;
    }

    public static HttpResponse<String> get(String from, String path, Map<String, String> headers) {
        return send(from, "GET", path, headers);
    }

    public static HttpResponse<String> send(String from, String method, String path, Map<String, String> headers) {
        try {
            HttpClient client = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName(from))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            headers.forEach(request::header);
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request from " + from + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
