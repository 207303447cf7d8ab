package dev.bookinfo.security.testing;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP/1.1 request written byte for byte on a socket, so that the request target reaches the server exactly as
 * spelled: HTTP clients normalise dot segments, re-encode or reject backslashes, and never send an absolute-form
 * target, which would hide the very spellings the access tests are about. Targets the application under test on
 * {@link RestAssured#port}, which Quarkus sets for {@code @QuarkusTest} and {@code @QuarkusIntegrationTest} alike.
 */
public final class RawRequest {

    private static final int TIMEOUT_MS = 20_000;

    /** The status (0 when the server closed the connection without an answer), and everything after the headers. */
    public record Answer(int status, String head, String body) {}

    private RawRequest() {}

    /** {@code GET <target> HTTP/1.1} with {@code Connection: close}, and no {@code Authorization}. */
    public static Answer get(String target) {
        return get(target, null);
    }

    /** {@code GET <target> HTTP/1.1} with {@code Connection: close}, and the bearer token unless it is null. */
    public static Answer get(String target, String bearerToken) {
        return getWithHeaders(
                target, bearerToken == null ? List.of() : List.of("Authorization: Bearer " + bearerToken));
    }

    /**
     * {@code GET <target> HTTP/1.1} with {@code Connection: close} and {@code headerLines} ({@code "Name: value"})
     * exactly as given, in order: HTTP clients merge or drop a header sent twice in two spellings.
     */
    public static Answer getWithHeaders(String target, List<String> headerLines) {
        StringBuilder request =
                new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\n");
        headerLines.forEach(line -> request.append(line).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", RestAssured.port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (SocketTimeoutException hung) {
            throw new AssertionError("no answer within " + TIMEOUT_MS + " ms to GET " + target, hung);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            // A server may reset the connection after its answer to a bad request: keep what arrived.
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Answer(0, text, "");
        }
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Answer(Integer.parseInt(text.substring(9, 12)), head, body);
    }
}
