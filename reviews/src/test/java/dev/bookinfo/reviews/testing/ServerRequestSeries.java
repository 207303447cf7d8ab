package dev.bookinfo.reviews.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code http_server_requests_seconds} series at {@code /q/metrics}, and requests with any method and a path sent
 * as written ({@code //x} and {@code %30} included), which RestAssured would tidy up.
 */
public final class ServerRequestSeries {

    private static final Pattern SERIES = Pattern.compile("(?m)^http_server_requests_seconds_count\\{(.*)} \\S+$");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ServerRequestSeries() {}

    /** The label sets of the series, e.g. {@code method="GET",outcome="SUCCESS",status="200",uri="/health"}. */
    public static Set<String> of(URI root) {
        Matcher series = SERIES.matcher(send(root, "GET", "/q/metrics"));
        Set<String> labels = new LinkedHashSet<>();
        while (series.find()) {
            labels.add(series.group(1).replaceAll(",$", ""));
        }
        return labels;
    }

    /** The body of {@code method path}; the status must be below 500. */
    public static String send(URI root, String method, String path) {
        try {
            HttpResponse<String> response = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://" + root.getAuthority() + path))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() < 500, method + " " + path + ": " + response.statusCode());
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
