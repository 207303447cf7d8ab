package dev.bookinfo.ratings.rest;

import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Requests RestAssured cannot send as-is: raw (still percent-encoded) paths, bodies without a Content-Type,
 * chunked bodies, and many requests in parallel. Targets the application under test on
 * {@link RestAssured#port}, which Quarkus sets for both {@code @QuarkusTest} and {@code @QuarkusIntegrationTest}.
 */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private RawHttp() {}

    static URI uri(String rawPath) {
        return URI.create("http://localhost:" + RestAssured.port + rawPath);
    }

    static HttpResponse<String> get(String rawPath) {
        return send(HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT).GET().build());
    }

    static CompletableFuture<HttpResponse<String>> getAsync(String rawPath) {
        return CLIENT.sendAsync(
                HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POST with the given Content-Type, or none at all when {@code contentType} is null. */
    static HttpResponse<String> post(String rawPath, String contentType, String body) {
        return send(
                postRequest(rawPath, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static CompletableFuture<HttpResponse<String>> postAsync(String rawPath, String body) {
        return CLIENT.sendAsync(
                postRequest(
                        rawPath, "application/json", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POST with {@code Transfer-Encoding: chunked}: the length is not announced up front. */
    static HttpResponse<String> postChunked(String rawPath, byte[] body) {
        return send(postRequest(
                rawPath,
                "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private static HttpRequest postRequest(String rawPath, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(rawPath)).timeout(TIMEOUT).POST(body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
