package dev.bookinfo.productpage.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Redirects only to a same-origin Referer path, never to {@code None} or another site (docs/upstream.md#what-we-fix).
 */
class RedirectTargetTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "http://bookinfo.example/productpage?u=normal|/productpage?u=normal",
                "http://BOOKINFO.example/index.html|/index.html",
                "http://bookinfo.example:80/a%20b?q=%3C|/a%20b?q=%3C",
                "http://bookinfo.example|/",
                "http://bookinfo.example/#top|/",
                "NULL|/productpage",
                "''|/productpage",
                "None|/productpage",
                "https://bookinfo.example/productpage|/productpage",
                "http://bookinfo.example:8080/x|/productpage",
                "http://evil.example/x|/productpage",
                "http://bookinfo.example.evil.example/x|/productpage",
                "http://bookinfo.example//evil.example/x|/productpage",
                "http://bookinfo.example/\\evil.example|/productpage",
                "http://user:pw@bookinfo.example/x|/productpage",
                "//bookinfo.example/x|/productpage",
                "/relative|/productpage",
                "javascript:alert(1)|/productpage"
            })
    void sameOriginPathOrProductpage(String referer, String expected) {
        assertEquals(expected, RedirectTarget.from(referer, "http", "bookinfo.example", -1));
    }

    @Test
    void headerInjectionIsRejected() {
        assertEquals(
                RedirectTarget.DEFAULT,
                RedirectTarget.from("http://bookinfo.example/x\r\nSet-Cookie: a=b", "http", "bookinfo.example", -1));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://[::1]:9080/productpage|[::1]|9080|/productpage",
                "http://localhost:9080/productpage|localhost|9080|/productpage",
                "http://localhost/productpage|localhost|80|/productpage",
                "http://localhost:9080/productpage|localhost|-1|/productpage?"
            })
    void portsAndIpv6HostsAreCompared(String referer, String host, int port, String expected) {
        String target = RedirectTarget.from(referer, "http", host, port);
        assertEquals(expected.endsWith("?") ? RedirectTarget.DEFAULT : expected, target);
    }
}
