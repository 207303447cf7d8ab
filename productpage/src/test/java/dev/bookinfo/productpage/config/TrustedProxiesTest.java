package dev.bookinfo.productpage.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code TRUSTED_PROXIES}: addresses and CIDR ranges, matched against a connection's peer. */
class TrustedProxiesTest {

    private static final TrustedProxies DEFAULT =
            TrustedProxies.parse(List.of("127.0.0.6", "127.0.0.1", "[::6]", "[::1]"));

    @Test
    void theDefaultTrustsTheSidecarsAddressesOnly() {
        assertTrue(DEFAULT.contains("127.0.0.6"));
        assertTrue(DEFAULT.contains("127.0.0.1"));
        assertTrue(DEFAULT.contains("0:0:0:0:0:0:0:6"));
        assertTrue(DEFAULT.contains("::1"));
        assertTrue(DEFAULT.contains("::ffff:127.0.0.6"), "an IPv4 peer on a dual-stack socket");
        assertFalse(DEFAULT.contains("127.0.0.9"));
        assertFalse(DEFAULT.contains("10.0.0.6"));
        assertFalse(DEFAULT.contains("::7"));
        assertFalse(DEFAULT.contains(null));
        assertFalse(DEFAULT.contains("localhost"), "names are never resolved");
    }

    @Test
    void rangesMatchByPrefix() {
        TrustedProxies ranges = TrustedProxies.parse(List.of("10.1.0.0/16, 192.168.4.0/22", "[fd00::]/8", "::/0"));
        assertTrue(ranges.contains("10.1.255.3"));
        assertFalse(ranges.contains("10.2.0.1"));
        assertTrue(ranges.contains("192.168.7.255"));
        assertFalse(ranges.contains("192.168.8.0"));
        assertTrue(ranges.contains("fd12::1"));
        assertTrue(ranges.contains("2001:db8::1"), "::/0 is every IPv6 address");
        assertFalse(TrustedProxies.parse(List.of("fd00::/8")).contains("fe00::1"));
        assertFalse(TrustedProxies.parse(List.of("0.0.0.0/0")).contains("::1"), "IPv4 ranges hold no IPv6 address");
    }

    @Test
    void anEmptyListTrustsNobody() {
        assertFalse(TrustedProxies.parse(List.of()).contains("127.0.0.6"));
        assertFalse(TrustedProxies.parse(List.of(" , ")).contains("127.0.0.6"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sidecar.local",
                "127.0.0",
                "127.0.0.6:15001",
                "10.0.0.0/33",
                "10.0.0.0/",
                "10.0.0.0/x",
                "[::1]/129",
                "fe80::1%eth0",
                "[::1"
            })
    void anythingElseIsRefusedWithItsName(String entry) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of("127.0.0.6", entry)));
        assertTrue(e.getMessage().startsWith("TRUSTED_PROXIES: " + entry + " "), e.getMessage());
    }
}
