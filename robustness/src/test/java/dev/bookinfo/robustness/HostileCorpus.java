package dev.bookinfo.robustness;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile requests for one service, generated from a seed: the same seed gives the same requests. Each request is a
 * mix of the service's own paths with odd ids and spellings, every method, hostile headers and bodies, or raw bytes
 * that are not HTTP at all. A request either is complete (the server has everything it needs to answer) or is cut
 * short, in which case the client closes its side after sending and the server must close the connection.
 */
final class HostileCorpus {

    /** One request: what it is (for the failure report), its bytes, and whether it is complete. */
    record Hostile(int index, String kind, byte[] bytes, boolean complete) {

        String describe() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1)
                    .replaceAll("(.)\\1{19,}", "$1...")
                    .replace("\r", "\\r")
                    .replace("\n", "\\n");
            return "#" + index + " " + kind + " (" + bytes.length + " bytes): "
                    + text.substring(0, Math.min(text.length(), 400));
        }
    }

    static final Map<String, List<String>> PATHS = Map.of(
            "productpage",
                    List.of(
                            "/productpage",
                            "/",
                            "/index.html",
                            "/login",
                            "/logout",
                            "/health",
                            "/api/v1/products",
                            "/api/v1/products/{id}",
                            "/api/v1/products/{id}/reviews",
                            "/api/v1/products/{id}/ratings",
                            "/metrics",
                            "/static/css/bookinfo.css",
                            "/callback"),
            "details", List.of("/details/{id}", "/details", "/health"),
            "reviews", List.of("/reviews/{id}", "/reviews", "/health"),
            "ratings", List.of("/ratings/{id}", "/ratings", "/health"));
    private static final List<String> COMMON_PATHS = List.of(
            "/q/health",
            "/q/health/ready",
            "/q/health/live",
            "/q/metrics",
            "/q/dev",
            "/q/openapi",
            "/favicon.ico",
            "/robots.txt",
            "*",
            "/.env",
            "/admin");

    private static final String[] METHODS = {
        "GET",
        "GET",
        "GET",
        "HEAD",
        "POST",
        "POST",
        "PUT",
        "DELETE",
        "PATCH",
        "OPTIONS",
        "TRACE",
        "CONNECT",
        "PROPFIND",
        "BREW",
        "get",
        "G E T",
        "GET\u0000",
        "X".repeat(300)
    };
    private static final String[] IDS = {
        "0",
        "1",
        "-1",
        "007",
        "2147483648",
        "-2147483649",
        "99999999999999999999",
        "1e3",
        "0x10",
        "0o7",
        "1_0",
        "+1",
        " 1",
        "%201",
        "1%00",
        "%00",
        "1;x=y",
        "1.0",
        "NaN",
        "null",
        "undefined",
        "%",
        "%zz",
        "%%",
        "%2e%2e",
        "..",
        "%2F",
        "%252F",
        "1%2F..%2F2",
        "\u00e9",
        "%C3%A9",
        "%FF%FE",
        "%E2%82",
        "{id}",
        "${jndi:ldap://x/a}",
        "'+OR+1=1--",
        "<script>",
        "a".repeat(5000),
        "1".repeat(400),
        ""
    };
    private static final String[] PATH_SPELLINGS = {
        "{p}",
        "{p}/",
        "{p}//",
        "/{p}",
        "{p}/.",
        "{p}/..",
        "{p}/../..",
        "{p};a=b",
        "{p}%3Bx",
        "{p}%00",
        "{p}%2F",
        "{p}/%2e%2e/%2e%2e/etc/passwd",
        "/./{p}",
        "/q/../{p}",
        "/health/..{p}",
        "{P}",
        "{p}?%zz",
        "{p}?a=%",
        "{p}?u=normal",
        "{p}?" + "a=b&".repeat(500),
        "{p}?x=" + "%41".repeat(900),
        "{p}#frag",
        "http://evil.example{p}",
        "//evil.example{p}",
        "{p}\\..\\x"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=zz",
        "text/plain",
        "application/json; charset=nope",
        "application/xml",
        "*/*",
        "",
        ";;;",
        "a/b/c",
        "application/json\u00e9",
        "application/x-www-form-urlencoded; charset=utf-16"
    };
    private static final String[] BODIES = {
        "{",
        "}",
        "[]",
        "{}",
        "null",
        "\"x\"",
        "{\"reviewer1\":",
        "{\"reviewer1\": 5}",
        "{\"reviewer1\": 6, \"r2\": -1}",
        "{\"a\": 1e999999}",
        "{\"a\":" + "[".repeat(3000),
        "{\"" + "k".repeat(2000) + "\": 1}",
        "username=%zz",
        "username=a%",
        "username=jason&passwd=password",
        "username=" + "a".repeat(3000),
        "%%%",
        "--zz\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nx",
        "--zz\r\nbroken",
        "\u0000\u0001\u0002",
        "\u00ff\u00fe",
        "a=b&".repeat(3000)
    };

    private static final Pattern TRANSFER_ENCODING = Pattern.compile("(?im)^Transfer-Encoding:([^\r\n]*)$");

    private final String service;
    private final Random random;
    private int index;

    HostileCorpus(String service, long seed) {
        this.service = service;
        this.random = new Random(seed ^ service.hashCode());
    }

    List<Hostile> generate(int count) {
        List<Hostile> all = new ArrayList<>(count);
        while (all.size() < count) {
            int roll = random.nextInt(100);
            all.add(roll < 55 ? request() : roll < 75 ? withBody() : roll < 88 ? framing() : raw());
        }
        return all;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String path() {
        List<String> own = PATHS.get(service);
        String base = random.nextInt(5) == 0 ? pick(COMMON_PATHS) : pick(own);
        base = base.replace("{id}", pick(IDS));
        String spelled = random.nextInt(3) == 0
                ? pick(PATH_SPELLINGS).replace("{p}", base).replace("{P}", base.toUpperCase())
                : base;
        // A raw non-ASCII or control byte in the request line, now and then.
        if (random.nextInt(25) == 0) {
            spelled += (char) (random.nextBoolean() ? 0x80 + random.nextInt(128) : random.nextInt(32));
        }
        return spelled;
    }

    /** A header that may be hostile; never CR or LF inside (framing() does that). */
    private String header() {
        List<Supplier<String>> headers = List.of(
                () -> "Host: " + pick(new String[] {"", "a b", "[::1", "x:99999", "localhost:-1", "%zz", "é"}),
                // The forwarded family, in every malformed spelling: the harness connects from 127.0.0.1, which
                // productpage trusts as a proxy by default (TRUSTED_PROXIES), so these reach its parsing.
                () -> "Forwarded: "
                        + pick(new String[] {
                            "for=\"[::1\"",
                            "host=a:b:c;proto=zz",
                            "for=1.2.3.4:abc",
                            "proto=https;host=",
                            "by=;for=;host=;proto=",
                            "for=" + "x,".repeat(500),
                            "",
                            ",",
                            "for=",
                            "for=\"",
                            "host=\"",
                            ";;;",
                            "for=[::1]:99999",
                            "for=\u00e9"
                        }),
                () -> "X-Forwarded-Port: "
                        + pick(new String[] {"abc", "-1", "99999999", "", ",", "0", "65536", "8443x", "9".repeat(5000)
                        }),
                () -> "X-Forwarded-Host: "
                        + pick(new String[] {
                            "a:99999999",
                            "[::1",
                            "evil.example",
                            "a,b,c",
                            "",
                            ",",
                            ":",
                            ":80",
                            "[",
                            "[::1]x",
                            "[::1]:99999",
                            "a:",
                            "a:0",
                            "a b",
                            "a@b",
                            "\u00e9.example",
                            "a".repeat(5000)
                        }),
                () -> "X-Forwarded-Proto: "
                        + pick(new String[] {"gopher", "https, http", "", "HTTPS", ",", ",https", "\"https\"", "\u00e9"
                        }),
                () -> "X-Forwarded-For: "
                        + pick(new String[] {
                            "not-an-ip",
                            "1.2.3.4, [::1",
                            "",
                            ",",
                            ",,",
                            " , 1.2.3.4",
                            "for=",
                            "\"",
                            "[",
                            "[::1]:",
                            "[::1]:99999",
                            "::1]:80",
                            "1.2.3.4:0",
                            "1.2.3.4:65536",
                            "unknown",
                            "fe80::1%eth0",
                            ":",
                            "\u00e9",
                            "1".repeat(5000)
                        }),
                () -> "X-Forwarded-Prefix: " + pick(new String[] {"", "/", "//", "../..", ",", "\u00e9"}),
                () -> "X-Forwarded-Ssl: " + pick(new String[] {"on", "", ",", "maybe"}),
                () -> "Cookie: "
                        + pick(new String[] {
                            "session=%%%",
                            "session=v1.YQ.bad",
                            "session=v1...",
                            "q_session=abc",
                            "q_session_chunk_1=x",
                            "session=" + "a".repeat(4000),
                            "=;=;;",
                            "a"
                        }),
                () -> "Authorization: "
                        + pick(new String[] {
                            "Bearer",
                            "Bearer ",
                            "Bearer a.b.c",
                            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                            "Basic %%%",
                            "Basic " + "A".repeat(6000),
                            "Negotiate x",
                            "bearer    x"
                        }),
                () -> "Content-Length: "
                        + pick(new String[] {"-1", "abc", "1e3", "99999999999999999999", " 0", "0, 0"}),
                () -> "Accept: "
                        + pick(new String[] {
                            ";;;",
                            "application/json;q=abc",
                            "*/*;q=2",
                            "text/html, ,",
                            "a/b;c=\"",
                            "application/" + "x".repeat(3000)
                        }),
                () -> "Accept-Language: ;;=",
                () -> "Accept-Encoding: " + pick(new String[] {"gzip;q=x", "br, zstd, *;q=0", "identity;q=0"}),
                () -> "Content-Encoding: " + pick(new String[] {"gzip", "deflate", "br", "x"}),
                () -> "Expect: " + pick(new String[] {"100-continue", "200-ok", "x"}),
                () -> "Connection: " + pick(new String[] {"Upgrade, HTTP2-Settings", "keep-alive, close", "x"}),
                () -> "Upgrade: " + pick(new String[] {"websocket", "h2c", "HTTP/3.0", "x"}),
                () -> "HTTP2-Settings: " + pick(new String[] {"AAMAAABkAARAAAAAAAIAAAAA", "%%%", ""}),
                () -> "Range: " + pick(new String[] {"bytes=-", "bytes=9-1", "bytes=0-0,0-0,0-0", "x"}),
                () -> "If-Modified-Since: " + pick(new String[] {"yesterday", "Thu, 99 Jan 1970 00:00:00 GMT"}),
                () -> "end-user: " + pick(new String[] {"", "a,b", "jason", "x".repeat(5000), "\u00e9"}),
                () -> "x-request-id: " + pick(new String[] {"", "%", "x".repeat(3000), "\u00e9"}),
                () -> "traceparent: "
                        + pick(new String[] {"00-zz-zz-01", "", "ff-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01"}),
                () -> "x-b3-traceid: " + pick(new String[] {"zz", "0".repeat(100), ""}),
                () -> "x-b3-sampled: " + pick(new String[] {"maybe", "", "1"}),
                () -> "Referer: "
                        + pick(new String[] {
                            "http://[::1",
                            "%zz",
                            "javascript:alert(1)",
                            "//evil",
                            "http://localhost/productpage?" + "a".repeat(3000)
                        }),
                () -> "Origin: " + pick(new String[] {"null", "http://evil.example", "%%%"}),
                () -> "Bad Header Name: x",
                () -> ":authority: x",
                () -> "X-Many: " + "v,".repeat(random.nextInt(4000)),
                () -> "X-Huge: " + "h".repeat(15000 + random.nextInt(15000)),
                () -> "X-Binary: " + (char) 0x80 + (char) 0xff + (char) 0x01 + "x",
                () -> "Transfer-Encoding: " + pick(new String[] {"gzip", "identity", "chunked, gzip", "xchunked"}));
        return pick(headers).get();
    }

    private String head(String method, String path, String version, int headerCount) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(path).append(' ').append(version).append("\r\n");
        if (random.nextInt(10) != 0) {
            head.append("Host: localhost\r\n");
        }
        if (random.nextInt(8) == 0) {
            // Many headers at once.
            for (int i = 0; i < 100 + random.nextInt(200); i++) {
                head.append("X-H").append(i).append(": ").append(i).append("\r\n");
            }
        }
        for (int i = 0; i < headerCount; i++) {
            head.append(header()).append("\r\n");
        }
        head.append("Connection: close\r\n");
        return head.toString();
    }

    private String version() {
        return random.nextInt(12) != 0
                ? "HTTP/1.1"
                : pick(new String[] {"HTTP/1.0", "HTTP/2.0", "HTTP/9.9", "HTTP/1.1.1", "http/1.1", "HTTP/", ""});
    }

    private Hostile request() {
        String head = head(pick(METHODS), path(), version(), random.nextInt(4));
        return hostile("request", bytes(head + "\r\n"), true);
    }

    private Hostile withBody() {
        String body = random.nextInt(10) == 0 ? "x".repeat(65 * 1024 + random.nextInt(100 * 1024)) : pick(BODIES);
        byte[] bodyBytes = body.getBytes(StandardCharsets.ISO_8859_1);
        String method = pick(new String[] {"POST", "POST", "PUT", "PATCH", "DELETE", "GET"});
        String head =
                head(method, path(), "HTTP/1.1", random.nextInt(3)) + "Content-Type: " + pick(CONTENT_TYPES) + "\r\n";
        if (random.nextInt(4) == 0) {
            return hostile(
                    "chunked body",
                    concat(bytes(head + "Transfer-Encoding: chunked\r\n\r\n"), chunked(bodyBytes)),
                    true);
        }
        return hostile(
                "body", concat(bytes(head + "Content-Length: " + bodyBytes.length + "\r\n\r\n"), bodyBytes), true);
    }

    /** Requests whose framing is broken: lengths that lie, bad chunks, bare LF or CR, folded headers, cut short. */
    private Hostile framing() {
        String head = head(pick(new String[] {"GET", "POST"}), path(), "HTTP/1.1", random.nextInt(2));
        return switch (random.nextInt(11)) {
            case 0 -> hostile("length longer than body", bytes(head + "Content-Length: 100\r\n\r\n{\"a\""), false);
            case 1 ->
                hostile(
                        "length shorter than body",
                        bytes(head + "Content-Length: 2\r\n\r\n{}GARBAGE / HTTP/1.1\r\n\r\n"),
                        false);
            case 2 ->
                hostile(
                        "length and chunked",
                        bytes(head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                        false);
            case 3 -> hostile("bad chunk size", bytes(head + "Transfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n"), false);
            case 4 -> hostile("chunk without end", bytes(head + "Transfer-Encoding: chunked\r\n\r\n5\r\nab"), false);
            case 5 ->
                hostile(
                        "huge chunk size",
                        bytes(head + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\nab\r\n"),
                        false);
            case 6 -> hostile("bare LF", bytes(head.replace("\r\n", "\n") + "\n"), false);
            case 7 -> hostile("bare CR", bytes(head.replace("\r\n", "\r") + "\r"), false);
            case 8 -> hostile("folded header", bytes(head + "X-Folded: a\r\n b\r\n\tc\r\n\r\n"), false);
            case 9 ->
                hostile("two length headers", bytes(head + "Content-Length: 1\r\nContent-Length: 3\r\n\r\nabc"), false);
            default -> hostile("cut short", bytes(head.substring(0, random.nextInt(head.length()))), false);
        };
    }

    /** Bytes that are not HTTP/1.1: noise, TLS and HTTP/2 openings, other protocols. */
    private Hostile raw() {
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] noise = new byte[1 + random.nextInt(4096)];
                random.nextBytes(noise);
                yield hostile("random bytes", noise, false);
            }
            case 1 -> {
                byte[] hello = new byte[300];
                random.nextBytes(hello);
                hello[0] = 0x16;
                hello[1] = 0x03;
                hello[2] = 0x01;
                yield hostile("TLS ClientHello", hello, false);
            }
            case 2 -> hostile("HTTP/2 preface", bytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), false);
            case 3 -> hostile("HTTP/0.9", bytes("GET /\r\n"), false);
            case 4 -> hostile("SSH banner", bytes("SSH-2.0-OpenSSH_9.2\r\n"), false);
            case 5 -> hostile("NUL bytes", new byte[1 + random.nextInt(64)], false);
            case 6 -> hostile("request line only", bytes(pick(METHODS) + " " + path() + " HTTP/1.1\r\n"), false);
            default -> {
                String line = pick(new String[] {"GET", "POST"}) + " " + path() + " HTTP/1.1\r\n";
                yield hostile(
                        "pipelined",
                        bytes((line + "Host: x\r\n\r\n").repeat(2 + random.nextInt(20)) + line
                                + "Host: x\r\nConnection: close\r\n\r\n"),
                        true);
            }
        };
    }

    private Hostile hostile(String kind, byte[] bytes, boolean complete) {
        return new Hostile(index++, kind, bytes, complete && !bodyEndsAtClose(bytes));
    }

    /**
     * A request whose last transfer coding is not {@code chunked} ({@code gzip}, {@code chunked, gzip}) has a body
     * that ends only when the client closes its side (Netty reads it that way), so it is not complete until then.
     */
    private static boolean bodyEndsAtClose(byte[] bytes) {
        Matcher encoding = TRANSFER_ENCODING.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        while (encoding.find()) {
            String[] codings = encoding.group(1).split(",");
            if (!codings[codings.length - 1].strip().toLowerCase(Locale.ROOT).equals("chunked")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(8192));
            out.writeBytes(bytes(Integer.toHexString(size) + "\r\n"));
            out.write(body, at, size);
            out.writeBytes(bytes("\r\n"));
            at += size;
        }
        out.writeBytes(bytes("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
