package dev.bookinfo.productpage.service;

import java.util.regex.Pattern;

/**
 * What a user name may look like. The name ends up in the {@code end-user} header of every backend call (Istio's
 * routing samples match on it), so nothing that could end or fold a header line, or blow up its size, may get there.
 */
public final class UserNames {

    /** The longest name accepted at the demo login, and sent as {@code end-user}. */
    public static final int MAX_LENGTH = 64;

    /** The demo login's names: ASCII letters, digits and {@code . _ @ -}, 1 to 64 of them. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@-]{1," + MAX_LENGTH + "}");

    /**
     * What may go into {@code end-user}: printable ASCII (a provider's display name may contain spaces), no control
     * character, no leading or trailing space, 1 to 64 characters.
     */
    private static final Pattern HEADER_SAFE =
            Pattern.compile("[\\x21-\\x7E](?:[\\x20-\\x7E]{0," + (MAX_LENGTH - 2) + "}[\\x21-\\x7E])?");

    /** The message of the 400 for a name the demo login does not accept. */
    public static final String LOGIN_RULE =
            "Invalid username: use 1 to " + MAX_LENGTH + " letters (A-Z, a-z), digits or the characters . _ @ -";

    private UserNames() {}

    /** Whether the demo login accepts {@code name}. */
    public static boolean isValidLogin(String name) {
        return name != null && LOGIN.matcher(name).matches();
    }

    /** Whether {@code name} may be sent as {@code end-user}. */
    public static boolean isHeaderSafe(String name) {
        return name != null && HEADER_SAFE.matcher(name).matches();
    }
}
