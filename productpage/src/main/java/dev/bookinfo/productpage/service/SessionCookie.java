package dev.bookinfo.productpage.service;

import dev.bookinfo.productpage.config.ProductpageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo login's session: a {@code session} cookie holding the user name and its HMAC-SHA256, so
 * any replica with the same key accepts it and a modified cookie counts as logged out. The name is
 * not secret (it is sent downstream as {@code end-user}); only its integrity matters.
 *
 * <p>This class and {@link CurrentUser} are the only places that know how the user is stored, so the
 * OIDC login can replace them.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "session";

    private static final String ATTRIBUTES = "; Path=/; HttpOnly; SameSite=Lax";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    SessionCookie(ProductpageConfig config) {
        this.key = new SecretKeySpec(config.session().secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The {@code Set-Cookie} value that signs {@code user} in. */
    public String signIn(String user) {
        String payload = VERSION + "." + ENCODER.encodeToString(user.getBytes(StandardCharsets.UTF_8));
        return NAME + "=" + payload + "." + ENCODER.encodeToString(sign(payload)) + ATTRIBUTES;
    }

    /** The {@code Set-Cookie} value that removes the session. */
    public String signOut() {
        return NAME + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + ATTRIBUTES;
    }

    /** The user in a {@code session} cookie value, or empty when it is missing, malformed or tampered with. */
    public Optional<String> user(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        int signatureStart = cookieValue.lastIndexOf('.');
        if (signatureStart < 0 || !cookieValue.startsWith(VERSION + ".")) {
            return Optional.empty();
        }
        String payload = cookieValue.substring(0, signatureStart);
        try {
            byte[] signature = DECODER.decode(cookieValue.substring(signatureStart + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String user = new String(DECODER.decode(payload.substring(VERSION.length() + 1)), StandardCharsets.UTF_8);
            return user.isBlank() ? Optional.empty() : Optional.of(user);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        return macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
