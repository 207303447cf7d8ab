package dev.bookinfo.productpage.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link ProxyHeaders} leaves of the forwarded headers for Vert.x Web to read. */
class ProxyHeadersTest {

    private static MultiMap forwarded() {
        return MultiMap.caseInsensitiveMultiMap()
                .add("X-Forwarded-Proto", "HTTPS, http")
                .add("X-Forwarded-Host", "Bookinfo.Example.com, evil.example")
                .add("X-Forwarded-Host", "second.example")
                .add("X-Forwarded-Port", "8443")
                .add("X-Forwarded-For", "203.0.113.7, 10.0.0.1")
                .add("X-Forwarded-Ssl", "on")
                .add("Forwarded", "host=evil.example;proto=https")
                .add("Accept", "text/html");
    }

    @Test
    void fromATrustedProxyTheFirstWellFormedValuesStay() {
        MultiMap headers = forwarded();
        ProxyHeaders.clean(headers, true);
        assertEquals("https", headers.get("X-Forwarded-Proto"));
        assertEquals("bookinfo.example.com", headers.get("X-Forwarded-Host"));
        assertEquals(1, headers.getAll("X-Forwarded-Host").size());
        assertEquals("8443", headers.get("X-Forwarded-Port"));
        assertEquals("203.0.113.7", headers.get("X-Forwarded-For"));
        assertNull(headers.get("X-Forwarded-Ssl"), "folded into X-Forwarded-Proto");
        assertEquals("text/html", headers.get("Accept"));
    }

    @Test
    void fromAnybodyElseNoneStays() {
        MultiMap headers = forwarded();
        ProxyHeaders.clean(headers, false);
        for (String name : new String[] {
            "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-For", "X-Forwarded-Ssl"
        }) {
            assertNull(headers.get(name), name);
        }
        assertEquals("text/html", headers.get("Accept"));
    }

    @Test
    void xForwardedSslOnCountsOnlyWithoutAProto() {
        assertEquals("https", ProxyHeaders.scheme(null, "ON"));
        assertEquals("http", ProxyHeaders.scheme("http", "on"));
        assertNull(ProxyHeaders.scheme("gopher", "on"), "a malformed proto is not replaced by a guess");
        assertNull(ProxyHeaders.scheme(null, "off"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "gopher", "\"https\"", "ht tp", "httpss", "héttps"})
    void aMalformedProtoIsIgnored(String proto) {
        assertNull(ProxyHeaders.scheme(proto, null));
    }

    @Test
    void wellFormedHostsAreKeptInLowerCase() {
        assertEquals("bookinfo.example.com", ProxyHeaders.authority("Bookinfo.Example.COM"));
        assertEquals("bookinfo.example.com:8443", ProxyHeaders.authority("bookinfo.example.com:08443"));
        assertEquals("203.0.113.7:80", ProxyHeaders.authority("203.0.113.7:80"));
        assertEquals("[2001:db8::1]:8443", ProxyHeaders.authority("[2001:DB8::1]:8443"));
        assertEquals("[::1]", ProxyHeaders.authority("[::1]"));
        assertEquals("localhost.", ProxyHeaders.authority("localhost."));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ":",
                ":80",
                "a:",
                "a:b",
                "a:0",
                "a:65536",
                "a:99999999",
                "a:-1",
                "[",
                "[::1",
                "[::1]x",
                "[::1]:",
                "[::1]:99999",
                "[fe80::1%eth0]",
                "[not-v6]",
                "::1",
                "a b",
                "a/b",
                "a@b",
                "a..b",
                ".",
                "-a",
                "é.example",
                "a\"b",
                "a;b",
                "a:80:80"
            })
    void aMalformedHostIsIgnored(String host) {
        assertNull(ProxyHeaders.authority(host), host);
    }

    @Test
    void aHugeHostIsIgnored() {
        assertNull(ProxyHeaders.authority("a".repeat(300)));
        assertNull(ProxyHeaders.authority("a.".repeat(10_000)));
        assertNull(ProxyHeaders.authority("[" + ":".repeat(10_000) + "]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "-1", "0", "65536", "99999999999", "8443x", "+80", "٣"})
    void aMalformedPortIsIgnored(String port) {
        assertNull(ProxyHeaders.port(port), port);
    }

    @Test
    void clientAddressesAreWrittenAsVertxReadsThem() {
        assertEquals("203.0.113.7", ProxyHeaders.address("203.0.113.7"));
        assertEquals("203.0.113.7:5000", ProxyHeaders.address("203.0.113.7:5000"));
        assertEquals("2001:db8::1", ProxyHeaders.address("2001:db8::1"));
        assertEquals("2001:db8::1", ProxyHeaders.address("[2001:db8::1]"));
        assertEquals("[2001:db8::1]:5000", ProxyHeaders.address("[2001:db8::1]:5000"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "for=",
                "\"",
                "unknown",
                "_hidden",
                "not-an-ip",
                "1.2.3",
                "1.2.3.4:",
                "1.2.3.4:0",
                "1.2.3.4:65536",
                "1.2.3.4:-1",
                "[",
                "[::1",
                "[::1]:",
                "[::1]:99999",
                "[::1]x",
                "::1]:80",
                "fe80::1%eth0",
                "é",
                "1.2.3.4 5.6.7.8"
            })
    void aMalformedClientAddressIsIgnored(String address) {
        assertNull(ProxyHeaders.address(address), address);
    }

    @Test
    void onlyTheFirstElementOfTheFirstHeaderCounts() {
        MultiMap headers =
                MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-For", ",").add("X-Forwarded-For", "203.0.113.7");
        assertEquals("", ProxyHeaders.first(headers, "X-Forwarded-For"));
        ProxyHeaders.clean(headers, true);
        assertTrue(headers.getAll("X-Forwarded-For").isEmpty(), headers.toString());
    }
}
