package dev.bookinfo.productpage.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.productpage.testing.BackendStubsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /login} bodies that Quarkus' form parser answered with a 500 or not at all: they get the redirect or
 * a 413, never a 5xx.
 */
@QuarkusTest
@WithTestResource(BackendStubsResource.class)
class MalformedLoginTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void badPercentEscapesElsewhereInTheBodyDoNotStopTheLogin() {
        given().redirects()
                .follow(false)
                .contentType(FORM)
                .body("passwd=%zz%&username=j%61son&x=%")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Set-Cookie", startsWith("session=v2.amFzb24."));
    }

    @Test
    void chunkedFormIsRead() throws IOException {
        String response = exchange("POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: " + FORM + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunked("username=jason&passwd=password"));
        assertTrue(response.startsWith("HTTP/1.1 302 "), response);
        assertTrue(response.contains("session=v2.amFzb24."), response);
    }

    /** A chunked body over the limit used to reach the form parser, which failed with 500 and four ERROR lines. */
    @Test
    void chunkedBodyOverTheLimitIs413() throws IOException {
        String response = exchange("POST /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: " + FORM + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + chunked("username=jason&passwd=" + "x".repeat(70 * 1024)));
        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
    }

    @Test
    void bodyOverTheLimitIs413() {
        given().redirects()
                .follow(false)
                .contentType(FORM)
                .body("username=jason&passwd=" + "x".repeat(70 * 1024))
                .when()
                .post("/login")
                .then()
                .statusCode(413);
    }

    @Test
    void otherBodiesCarryNoNameAndSignOut() {
        given().redirects()
                .follow(false)
                .contentType("multipart/form-data; boundary=x")
                .body("--x\r\nbroken".getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Set-Cookie", startsWith("session=;"));
        given().redirects()
                .follow(false)
                .contentType("application/json")
                .body("{")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .header("Set-Cookie", startsWith("session=;"));
    }

    private static String chunked(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i += 1000) {
            String chunk = body.substring(i, Math.min(body.length(), i + 1000));
            out.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        return out.append("0\r\n\r\n").toString();
    }

    /** Sends a raw request (RestAssured cannot send a chunked body) and reads until the server closes. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before reading all of an oversized body
            }
            in.transferTo(received);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
