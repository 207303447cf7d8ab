package dev.bookinfo.ratings.service;

/** The stars of Reviewer1 and Reviewer2 as v2 read them from the first two rows or documents (0 when missing). */
public record DatabaseRatings(int reviewer1, int reviewer2) {

    /**
     * A stored rating as stars: any whole number that fits an int ({@code 5}, {@code 5L}, {@code 5.0}); null for
     * anything else (no value, NULL, text, {@code 4.5}), which the callers report as a failed read.
     */
    static Integer stars(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long number && number == number.intValue()) {
            return number.intValue();
        }
        if (value instanceof Double number
                && number == Math.rint(number)
                && number >= Integer.MIN_VALUE
                && number <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        return null;
    }
}
