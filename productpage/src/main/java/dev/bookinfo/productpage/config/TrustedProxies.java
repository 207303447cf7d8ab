package dev.bookinfo.productpage.config;

import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TRUSTED_PROXIES}: the addresses whose {@code X-Forwarded-*} headers count, as IP addresses
 * ({@code 127.0.0.6}, {@code ::6} or {@code [::6]}) or CIDR ranges ({@code 10.0.0.0/8}, {@code [fd00::]/8}). Host
 * names are refused: the check runs for every request, and a name would need a DNS lookup each time.
 */
public final class TrustedProxies {

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * The list from its comma-separated text; blank entries are skipped, so an empty value trusts nobody.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or a range
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty()) {
                    ranges.add(range(trimmed));
                }
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /** Whether a connection from {@code address} (as {@code SocketAddress.hostAddress()} gives it) is trusted. */
    public boolean contains(String address) {
        if (address == null || ranges.isEmpty()) {
            return false;
        }
        byte[] bytes = bytes(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = bytes(address);
        if (bytes == null) {
            throw new IllegalArgumentException("TRUSTED_PROXIES: " + entry + " is not an IP address or a CIDR range"
                    + " such as 127.0.0.6, [::6] or 10.0.0.0/8 (host names are not accepted)");
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String prefix = entry.substring(slash + 1);
            if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bytes.length * 8) {
                throw new IllegalArgumentException(
                        "TRUSTED_PROXIES: " + entry + " has a prefix length that is not" + " 0 to " + bytes.length * 8);
            }
            bits = Integer.parseInt(prefix);
        }
        return new Range(bytes, bits);
    }

    /** The address as 4 or 16 bytes (an IPv4-mapped IPv6 address as its IPv4 address), or null if it is none. */
    static byte[] bytes(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        // A zone (fe80::1%eth0) names an interface of this machine, which no configuration here needs.
        if (literal.isEmpty() || literal.indexOf('%') >= 0) {
            return null;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            byte[] v4 = new byte[4];
            System.arraycopy(bytes, 12, v4, 0, 4);
            return v4;
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private record Range(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
