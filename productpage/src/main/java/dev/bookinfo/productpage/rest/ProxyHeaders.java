package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.config.ProductPageConfig;
import dev.bookinfo.productpage.config.TrustedProxies;
import io.netty.util.NetUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scheme, host and client address of a request that a trusted proxy ({@code TRUSTED_PROXIES}, by default the
 * Istio sidecar) forwarded: the sign-in callback and the return after sign-out are built from them when
 * {@code PUBLIC_URL} is unset, and cookies are {@code Secure} when the browser came over TLS.
 *
 * <p>Quarkus' own support ({@code quarkus.http.proxy.proxy-address-forwarding}) is not used: its parser runs before
 * any handler of ours and, in Quarkus 3.34, throws on some malformed values from a trusted address
 * ({@code X-Forwarded-For: ,}), which logs an ERROR and leaves the connection without an answer. Instead, this
 * handler runs first on every request and leaves only well-formed values for Vert.x Web, which then reads them
 * ({@link Router#allowForward}): {@code X-Forwarded-Proto} ({@code http} or {@code https}, or
 * {@code X-Forwarded-Ssl: on}), {@code X-Forwarded-Host} (a DNS name or IP address, optional port),
 * {@code X-Forwarded-Port} (1 to 65535) and {@code X-Forwarded-For} (an IP address, optional port), each from its
 * first header and the first element of a list, as Quarkus took them. A malformed value counts as absent; from
 * anyone else, all of them are removed. The standard {@code Forwarded} header counts from nobody: the gateway and
 * the sidecar send {@code X-Forwarded-*}.
 */
@Singleton
public class ProxyHeaders {

    static final String PROTO = "X-Forwarded-Proto";
    static final String SSL = "X-Forwarded-Ssl";
    static final String HOST = "X-Forwarded-Host";
    static final String PORT = "X-Forwarded-Port";
    static final String FOR = "X-Forwarded-For";
    /** Everything Vert.x Web reads with {@link AllowForwardHeaders#X_FORWARD}. */
    private static final List<String> READ = List.of(PROTO, SSL, HOST, PORT, FOR);

    /** Longest host name (RFC 1035) plus a port; longer values are not looked at. */
    private static final int MAX_AUTHORITY = 253 + 6;

    private static final Pattern DNS_NAME =
            Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\\.[A-Za-z0-9_][A-Za-z0-9_-]{0,62})*\\.?");
    private static final Pattern PORT_NUMBER = Pattern.compile("[0-9]{1,5}");

    private final TrustedProxies trusted;

    ProxyHeaders(ProductPageConfig config) {
        this.trusted = TrustedProxies.parse(config.trustedProxies().orElse(List.of()));
    }

    void register(@Observes Router router) {
        router.allowForward(AllowForwardHeaders.X_FORWARD);
        // Before every other route: nothing may read the request's scheme or host before they are clean.
        router.route().order(Integer.MIN_VALUE).handler(this::clean);
    }

    void clean(RoutingContext context) {
        MultiMap headers = context.request().headers();
        if (anyForwarded(headers)) {
            // The connection's peer: the request's own remoteAddress() would already read X-Forwarded-For.
            SocketAddress peer = context.request().connection().remoteAddress();
            clean(headers, peer != null && trusted.contains(peer.hostAddress()));
        }
        context.next();
    }

    // Runs for every request (behind the sidecar, nearly every one carries X-Forwarded-Proto): no allocation.
    private static boolean anyForwarded(MultiMap headers) {
        for (int i = 0; i < READ.size(); i++) {
            if (headers.contains(READ.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Leaves in {@code headers} only the well-formed forwarded values, and none unless {@code trusted}. */
    static void clean(MultiMap headers, boolean trusted) {
        String proto = trusted ? scheme(first(headers, PROTO), first(headers, SSL)) : null;
        String host = trusted ? authority(first(headers, HOST)) : null;
        String port = trusted ? port(first(headers, PORT)) : null;
        String client = trusted ? address(first(headers, FOR)) : null;
        READ.forEach(headers::remove);
        set(headers, PROTO, proto);
        set(headers, HOST, host);
        set(headers, PORT, port);
        set(headers, FOR, client);
    }

    private static void set(MultiMap headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }

    /** The first element of the first header, trimmed; null if there is none. */
    static String first(MultiMap headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        return (comma < 0 ? value : value.substring(0, comma)).strip();
    }

    static String scheme(String proto, String ssl) {
        if ("http".equalsIgnoreCase(proto) || "https".equalsIgnoreCase(proto)) {
            return proto.toLowerCase(Locale.ROOT);
        }
        return proto == null && "on".equalsIgnoreCase(ssl) ? "https" : null;
    }

    /** {@code host} or {@code host:port}, the host a DNS name, an IPv4 address or a bracketed IPv6 address. */
    static String authority(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_AUTHORITY) {
            return null;
        }
        String host = value;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0
                    || !NetUtil.isValidIpV6Address(value.substring(1, close))
                    || value.substring(1, close).indexOf('%') >= 0) {
                return null;
            }
            host = value.substring(0, close + 1);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0) {
                host = value.substring(0, colon);
                port = value.substring(colon + 1);
            }
            if (host.length() > 253 || !DNS_NAME.matcher(host).matches()) {
                return null;
            }
        }
        if (port != null) {
            port = port(port);
            if (port == null) {
                return null;
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        return port == null ? host : host + ":" + port;
    }

    /** A port number from 1 to 65535 (written without leading zeros), or null. */
    static String port(String value) {
        if (value == null || !PORT_NUMBER.matcher(value).matches()) {
            return null;
        }
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65535 ? Integer.toString(port) : null;
    }

    /**
     * The client's address: an IPv4 address with an optional port, or an IPv6 address, bracketed when it has a port.
     * Written back as Vert.x Web reads it: {@code 1.2.3.4}, {@code 1.2.3.4:5}, {@code ::1} or {@code [::1]:5}.
     */
    static String address(String value) {
        if (value == null || value.isEmpty() || value.length() > 64 || value.indexOf('%') >= 0) {
            return null;
        }
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || !NetUtil.isValidIpV6Address(value.substring(1, close))) {
                return null;
            }
            String ip = value.substring(1, close);
            String rest = value.substring(close + 1);
            if (rest.isEmpty()) {
                return ip;
            }
            String port = rest.startsWith(":") ? port(rest.substring(1)) : null;
            return port == null ? null : "[" + ip + "]:" + port;
        }
        if (NetUtil.isValidIpV6Address(value)) {
            return value;
        }
        int colon = value.indexOf(':');
        String ip = colon < 0 ? value : value.substring(0, colon);
        if (!NetUtil.isValidIpV4Address(ip)) {
            return null;
        }
        if (colon < 0) {
            return ip;
        }
        String port = port(value.substring(colon + 1));
        return port == null ? null : ip + ":" + port;
    }
}
