package dev.bookinfo.productpage.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one field of the {@code POST /login} form body. Quarkus' form parser answers a body with a bad percent
 * escape ({@code username=%zz}) or a chunked body over its field limit with a 500 or no answer at all, and logs
 * each one as an ERROR with a stack trace; this reads the body as text instead, leniently like upstream's Flask
 * (Werkzeug keeps a bad escape as it is). Only {@code application/x-www-form-urlencoded} bodies carry fields, as
 * sent by browsers' forms and Istio's test helper; any other body has none.
 */
final class LoginForm {

    static final String URLENCODED = "application/x-www-form-urlencoded";

    private LoginForm() {}

    /** The first value of {@code name}, or null when the body has none or is not a URL-encoded form. */
    static String field(String contentType, String body, String name) {
        if (body == null
                || contentType == null
                || !contentType.strip().toLowerCase(Locale.ROOT).startsWith(URLENCODED)) {
            return null;
        }
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /** Percent and {@code +} decoding as UTF-8; a {@code %} not followed by two hex digits stays as it is. */
    static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high;
            int low;
            if (c == '%'
                    && i + 2 < text.length()
                    && (high = Character.digit(text.charAt(i + 1), 16)) >= 0
                    && (low = Character.digit(text.charAt(i + 2), 16)) >= 0) {
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        // Invalid UTF-8 becomes U+FFFD, as in Werkzeug.
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
