package dev.bookinfo.ratings.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The behaviour variants of upstream's ratings images, chosen by {@code SERVICE_VERSION}
 * (docs/upstream.md#ratings-variants). Unknown values are rejected at startup: a pod that silently served v1 ratings
 * under a wrong name would hide the mistake.
 */
public enum ServiceVersion {
    /** In-memory ratings, no faults. */
    V1("v1"),
    /** Ratings read from MongoDB, or MySQL with {@code DB_TYPE=mysql}; POST answers 501. */
    V2("v2"),
    /** GET /ratings fails with 503 with a configurable probability. */
    V_FAULTY("v-faulty"),
    /** GET /ratings is delayed with a configurable probability. */
    V_DELAYED("v-delayed"),
    /** GET /ratings toggles between normal and 503 every period. */
    V_UNAVAILABLE("v-unavailable"),
    /** Health and GET /ratings toggle between healthy and failing every period. */
    V_UNHEALTHY("v-unhealthy");

    private final String value;

    ServiceVersion(String value) {
        this.value = value;
    }

    /** The value as written in {@code SERVICE_VERSION}, e.g. {@code v-faulty}. */
    public String value() {
        return value;
    }

    /**
     * Reads a {@code SERVICE_VERSION} value (exact, case-sensitive, like upstream's {@code ===} checks).
     *
     * @throws IllegalArgumentException with an operator-facing message for unknown and empty values
     */
    public static ServiceVersion parse(String text) {
        for (ServiceVersion version : values()) {
            if (version.value.equals(text)) {
                return version;
            }
        }
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("SERVICE_VERSION is set but empty; use " + validValues());
        }
        throw new IllegalArgumentException(
                "SERVICE_VERSION=" + text + " is not a ratings variant; use " + validValues());
    }

    private static String validValues() {
        return Arrays.stream(values()).map(ServiceVersion::value).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return value;
    }
}
