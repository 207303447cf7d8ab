package dev.bookinfo.productpage.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.common.testing.LogCapture;
import dev.bookinfo.productpage.testing.FromAddress;
import dev.bookinfo.productpage.testing.OidcProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed {@code X-Forwarded-*} and {@code Forwarded} headers from the sidecar's address (a trusted proxy): each is
 * ignored, so sign-in sends the browser back to the request's own origin, promptly and without an ERROR line. Quarkus'
 * own forwarding support threw on {@code X-Forwarded-For: ,} from a trusted address and never answered. Raw sockets,
 * so that repeated, empty and non-ASCII headers reach the server exactly as written. In-process only (it listens to
 * the application's log).
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
class MalformedProxyHeadersTest {

    private static final String HUGE = "a".repeat(8_000);

    /** Header blocks (CRLF-separated lines) in which no value is well formed. */
    static final List<String> MALFORMED = List.of(
            "X-Forwarded-For: ",
            "X-Forwarded-For: ,",
            "X-Forwarded-For: ,,,",
            "X-Forwarded-For:  , 203.0.113.7",
            "X-Forwarded-For: for=",
            "X-Forwarded-For: \"",
            "X-Forwarded-For: [",
            "X-Forwarded-For: [::1",
            "X-Forwarded-For: [::1]:",
            "X-Forwarded-For: [::1]:99999",
            "X-Forwarded-For: ::1]:80",
            "X-Forwarded-For: 1.2.3.4:0",
            "X-Forwarded-For: 1.2.3.4:65536",
            "X-Forwarded-For: 1.2.3.4:-1",
            "X-Forwarded-For: unknown",
            "X-Forwarded-For: _hidden",
            "X-Forwarded-For: fe80::1%eth0",
            "X-Forwarded-For: ü",
            "X-Forwarded-For: " + HUGE,
            "X-Forwarded-For: :",
            "X-Forwarded-For: :80",
            "X-Forwarded-For: ,\r\nX-Forwarded-For: 203.0.113.7",
            "X-Forwarded-Proto: ",
            "X-Forwarded-Proto: ,",
            "X-Forwarded-Proto: gopher",
            "X-Forwarded-Proto: \"https\"",
            "X-Forwarded-Proto: ht tp",
            "X-Forwarded-Proto: é",
            "X-Forwarded-Proto: " + HUGE,
            "X-Forwarded-Proto: ,https",
            "X-Forwarded-Ssl: maybe",
            "X-Forwarded-Ssl: ",
            "X-Forwarded-Host: ",
            "X-Forwarded-Host: ,",
            "X-Forwarded-Host: :",
            "X-Forwarded-Host: :80",
            "X-Forwarded-Host: [",
            "X-Forwarded-Host: [::1",
            "X-Forwarded-Host: [::1]x",
            "X-Forwarded-Host: [::1]:99999",
            "X-Forwarded-Host: a:99999999",
            "X-Forwarded-Host: a:",
            "X-Forwarded-Host: a:b",
            "X-Forwarded-Host: a:0",
            "X-Forwarded-Host: a b",
            "X-Forwarded-Host: a/b",
            "X-Forwarded-Host: a@b",
            "X-Forwarded-Host: é.example",
            "X-Forwarded-Host: a..b",
            "X-Forwarded-Host: " + HUGE,
            "X-Forwarded-Host: [" + ":".repeat(8_000) + "]",
            "X-Forwarded-Host: \r\nX-Forwarded-Host: evil.example",
            "X-Forwarded-Port: ",
            "X-Forwarded-Port: ,",
            "X-Forwarded-Port: abc",
            "X-Forwarded-Port: -1",
            "X-Forwarded-Port: 0",
            "X-Forwarded-Port: 65536",
            "X-Forwarded-Port: 99999999999",
            "X-Forwarded-Port: 8443x",
            "X-Forwarded-Port: " + "9".repeat(8_000),
            "X-Forwarded-Prefix: ",
            "X-Forwarded-Prefix: /",
            "X-Forwarded-Prefix: //",
            "X-Forwarded-Prefix: ../..",
            "X-Forwarded-Prefix: " + HUGE,
            "Forwarded: ",
            "Forwarded: ,",
            "Forwarded: for=",
            "Forwarded: for=\"",
            "Forwarded: for=\"[::1",
            "Forwarded: host=",
            "Forwarded: proto=",
            "Forwarded: host=\"",
            "Forwarded: for=;proto=;host=",
            "Forwarded: ;;;",
            "Forwarded: for=[::1]:99999",
            "Forwarded: host=evil.example;proto=https",
            "Forwarded: " + HUGE,
            "X-Forwarded-For: ,\r\nX-Forwarded-Proto: ,\r\nX-Forwarded-Host: ,\r\nX-Forwarded-Port: ,\r\n"
                    + "X-Forwarded-Prefix: ,\r\nForwarded: ,");

    private LogCapture log;

    @BeforeEach
    void listen() {
        log = LogCapture.of("");
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    @Test
    void eachMalformedValueFromTheSidecarIsIgnored() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String headers : MALFORMED) {
            String response = exchange(FromAddress.SIDECAR, headers);
            String redirect = redirectUri(response);
            if (!(FromAddress.origin() + "/callback").equals(redirect)) {
                wrong.add(printable(headers) + " -> " + statusLine(response) + " redirect_uri=" + redirect);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(
                log.atLeast(Level.SEVERE).isEmpty(),
                "ERROR lines: "
                        + log.atLeast(Level.SEVERE).stream()
                                .map(r -> r.getLoggerName() + ": " + r.getMessage())
                                .toList());
    }

    @Test
    void aMalformedClientAddressDoesNotCancelTheWellFormedHostAndProto() throws IOException {
        String response = exchange(
                FromAddress.SIDECAR,
                "X-Forwarded-For: ,\r\nX-Forwarded-Proto: HTTPS\r\n"
                        + "X-Forwarded-Host: Bookinfo.Example.com\r\nX-Forwarded-Port: 8443\r\nForwarded: for=");
        assertEquals("https://bookinfo.example.com:8443/callback", redirectUri(response), response);
        assertEquals(
                "https://[2001:db8::1]:8443/callback",
                redirectUri(exchange(
                        FromAddress.SIDECAR, "X-Forwarded-Proto: https\r\nX-Forwarded-Host: [2001:db8::1]:8443")));
        assertTrue(
                log.atLeast(Level.SEVERE).isEmpty(), log.atLeast(Level.SEVERE).toString());
    }

    @Test
    void fromAStrangerEvenWellFormedValuesCountForNothing() throws IOException {
        String response = exchange(
                FromAddress.STRANGER,
                "X-Forwarded-For: ,\r\nX-Forwarded-Proto: https\r\n"
                        + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Port: 8443");
        assertEquals(FromAddress.origin() + "/callback", redirectUri(response), response);
        assertTrue(
                response.lines()
                        .filter(l -> l.toLowerCase().startsWith("set-cookie:"))
                        .noneMatch(l -> l.contains("Secure")),
                response);
    }

    /** GET /login from {@code from} with the extra header lines; fails if the answer takes over 10 seconds. */
    static String exchange(String from, String headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /login HTTP/1.1\r\nHost: 127.0.0.1:" + RestAssured.port + "\r\n" + headers
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String statusLine(String response) {
        return response.lines().findFirst().orElse("(no answer)");
    }

    private static String redirectUri(String response) {
        Matcher location = Pattern.compile("(?im)^location: *(\\S+)").matcher(response);
        if (!response.startsWith("HTTP/1.1 302") || !location.find()) {
            return null;
        }
        String query = URI.create(location.group(1)).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("redirect_uri=")) {
                return URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String printable(String headers) {
        String text = headers.replace("\r\n", " | ");
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
