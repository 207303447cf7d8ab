package dev.bookinfo.productpage.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Demo {@code session} cookie values made the way productpage makes them, with the built-in key, for any name and
 * time: names the login form refuses, and cookies that are expired or dated in the future.
 */
public final class DemoSessions {

    /** The demo login's documented, public default key (bookinfo.session.secret in application.properties). */
    public static final String BUILT_IN_KEY = "bookinfo-demo-session-key-not-a-secret";

    private DemoSessions() {}

    public static String mint(String user, Instant issued) {
        String payload =
                "v2." + Base64.getUrlEncoder().withoutPadding().encodeToString(user.getBytes(StandardCharsets.UTF_8))
                        + "." + issued.getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(BUILT_IN_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return payload + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
