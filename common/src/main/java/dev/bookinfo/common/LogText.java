package dev.bookinfo.common;

/**
 * A client's text (a request id, a path, a header, a claim of a token) made fit for one log line: every character
 * a terminal or a log viewer would act on is escaped, and long text is cut with a marker that says how long it was.
 * Without this a client could write lines of its own into the log (CR, LF), recolour or rewrite what an operator sees
 * (ESC, and C1's CSI 0x9b, which Vert.x hands over as a character of the ISO-8859-1 header byte and the log writes
 * as UTF-8), or fill the log with a 19 KB header on every line.
 */
public final class LogText {

    /** Longest request id written: Istio's ids are UUIDs (36 characters). */
    public static final int ID_CHARS = 64;
    /** Longest other text written (a path, a header value, a reason). */
    public static final int TEXT_CHARS = 120;

    private LogText() {}

    /** A client's {@code x-request-id} for a log line or the log context; {@code "-"} when there is none. */
    public static String requestId(String id) {
        return printable(id, ID_CHARS);
    }

    /** A client's text for a log line, cut at {@link #TEXT_CHARS}; {@code "-"} when there is none. */
    public static String printable(String text) {
        return printable(text, TEXT_CHARS);
    }

    /**
     * {@code text} with control characters (C0, DEL, C1) written as {@code \xNN}, and line separators and invisible
     * format characters (bidirectional overrides, zero-width characters) as a backslash, {@code u} and four hex
     * digits; when that would be longer than {@code max} characters, its first {@code max} (give or take an escape)
     * and {@code ...[N chars]} with the original length.
     */
    public static String printable(String text, int max) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 24);
        int i = 0;
        for (; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                // A pair is written whole or not at all.
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (isInvisible(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (i < text.length()) {
            out.append("...[").append(text.length()).append(" chars]");
        }
        return out.toString();
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
