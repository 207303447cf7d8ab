package dev.bookinfo.security.testing;

import java.util.List;
import java.util.Locale;

/**
 * Other spellings of a request for a protected path, as an attacker tries them against an access rule that reads the
 * raw path: dot segments (plain, percent-encoded in any case, overlong UTF-8, double-encoded), encoded slashes and
 * backslashes, {@code ;} parameters, double slashes, case, trailing slashes, the {@code /q/} prefix of Quarkus'
 * own endpoints, queries and fragments, and the absolute form of the request target.
 */
final class PathSpellings {

    private PathSpellings() {}

    /** @param protectedPath such as {@code /details/0}: a resource then one id segment */
    static List<String> of(String protectedPath) {
        String p = protectedPath.substring(1); // details/0
        int slash = p.indexOf('/');
        String resource = p.substring(0, slash); // details
        String id = p.substring(slash + 1); // 0
        String capitalised = resource.substring(0, 1).toUpperCase(Locale.ROOT) + resource.substring(1);
        return List.of(
                // dot segments after the open /health
                "/health/../" + p,
                "/health/./../" + p,
                "/health//../" + p,
                "/health/../" + p + "/",
                "/health/../" + p + "?x=/health",
                "/health/../" + p + "#/health",
                "/health/live/../../" + p,
                // percent-encoded dots, any case, half encoded, overlong UTF-8, double-encoded
                "/health/%2e%2e/" + p,
                "/health/%2E%2E/" + p,
                "/health/.%2e/" + p,
                "/health/%2e./" + p,
                "/health/%c0%ae%c0%ae/" + p,
                "/health/%252e%252e/" + p,
                // encoded slashes and backslashes
                "/health/..%2f" + p,
                "/health/..%2F" + p,
                "/health%2f..%2f" + p,
                "/health/%2e%2e%2f" + p,
                "/health/..\\" + p,
                "/health\\..\\" + p,
                "/health/..%5c" + p,
                "/health/..%5C" + p,
                // ; parameters
                "/health;x/../" + p,
                "/health/..;/" + p,
                "/" + resource + ";/" + id,
                "/" + resource + ";x=1/" + id,
                // double slashes, single dots, trailing slashes
                "//" + p,
                "/./" + p,
                "/" + resource + "/./" + id,
                "/" + resource + "//" + id,
                "/" + p + "/",
                // case, and a percent-encoded letter
                "/HEALTH/../" + p,
                "/Health/../" + p,
                "/" + capitalised + "/" + id,
                "/" + resource.toUpperCase(Locale.ROOT) + "/" + id,
                "/%" + Integer.toHexString(resource.charAt(0)) + resource.substring(1) + "/" + id,
                // Quarkus' /q/ prefix
                "/q/../" + p,
                "/q/health/../../" + p,
                "/q/health/live/../../../" + p,
                "/q/%2e%2e/" + p,
                // queries that mention the open path
                "/" + p + "?/health",
                "/" + p + "?path=/health",
                "/health?/../../" + p,
                // absolute-form request targets
                "http://localhost/health/../" + p,
                "http://localhost/" + p,
                "http://localhost/health/%2e%2e/" + p,
                // a NUL byte
                "/health/..%00/" + p);
    }
}
