package dev.bookinfo.common;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Product ids are plain decimal integers with an optional leading minus (docs/upstream.md#what-we-fix): no octal,
 * hex, underscores, spaces, plus signs or trailing garbage, which upstream's Ruby and JavaScript parsers
 * accepted by accident.
 */
public final class ProductIds {

    private ProductIds() {}

    /** Parses a 64-bit decimal id, or returns empty for anything else (including overflow). */
    public static OptionalLong parseLong(String text) {
        if (!isDecimal(text)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException overflow) {
            return OptionalLong.empty();
        }
    }

    /** Parses a 32-bit decimal id (the reviews service is a Java {@code int} upstream). */
    public static OptionalInt parseInt(String text) {
        if (!isDecimal(text)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException overflow) {
            return OptionalInt.empty();
        }
    }

    private static boolean isDecimal(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
