package dev.bookinfo.productpage.rest;

import dev.bookinfo.productpage.config.ProductPageConfig;
import dev.bookinfo.productpage.config.PublicUrl;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The demo login's session: a {@code session} cookie holding the user name, the time of sign-in and their
 * HMAC-SHA256, so any replica with the same key accepts it, a modified cookie counts as logged out, and so does one
 * older than {@code SESSION_MAX_AGE} (or dated in the future). The name is not secret (it is sent downstream as
 * {@code end-user}); only its integrity matters.
 *
 * <p>Format: {@code v2.<base64url(name)>.<issued at, epoch seconds>.<base64url(HMAC of everything before)>}. Cookies
 * of the earlier format {@code v1} carried no time and never expired; they are no longer accepted.
 *
 * <p>This class and {@link CurrentUser} are the only places that know how the user is stored, so the
 * OIDC login can replace them.
 */
@ApplicationScoped
public class SessionCookie {

    public static final String NAME = "session";

    private static final String ATTRIBUTES = "; Path=/; HttpOnly; SameSite=Lax";
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v2";
    /** Replicas' clocks may differ a little; a cookie dated further ahead than this was not made by us. */
    private static final long CLOCK_SKEW_SECONDS = 30;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final long maxAgeSeconds;
    private final Clock clock;
    private final boolean publicHttps;

    @Inject
    SessionCookie(ProductPageConfig config) {
        this(config, Clock.systemUTC());
    }

    SessionCookie(ProductPageConfig config, Clock clock) {
        this.key = new SecretKeySpec(config.session().secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        Duration maxAge = config.session().maxAge();
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("SESSION_MAX_AGE must be positive, not " + maxAge);
        }
        this.maxAgeSeconds = maxAge.toSeconds();
        this.clock = clock;
        this.publicHttps = config.publicUrl()
                .map(url -> {
                    try {
                        return PublicUrl.isHttps(PublicUrl.parse(url));
                    } catch (IllegalArgumentException invalid) {
                        return false; // SignInSettingsCheck refuses to start
                    }
                })
                .orElse(false);
    }

    /**
     * Whether the browser reached us over TLS: {@code PUBLIC_URL} is {@code https}, or the request came over TLS,
     * directly or through a trusted proxy's {@code X-Forwarded-Proto} ({@code TRUSTED_PROXIES}).
     */
    public boolean overTls(HttpServerRequest request) {
        return publicHttps || request.isSSL();
    }

    /**
     * The {@code Set-Cookie} value that signs {@code user} in; {@code secure} when the browser reached us over TLS, so
     * that it never sends the cookie over plain HTTP.
     */
    public String signIn(String user, boolean secure) {
        String payload = VERSION + "." + ENCODER.encodeToString(user.getBytes(StandardCharsets.UTF_8)) + "."
                + clock.instant().getEpochSecond();
        return NAME + "=" + payload + "." + ENCODER.encodeToString(sign(payload)) + "; Max-Age=" + maxAgeSeconds
                + ATTRIBUTES + (secure ? "; Secure" : "");
    }

    /** The {@code Set-Cookie} value that removes the session. */
    public String signOut(boolean secure) {
        return NAME + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + ATTRIBUTES + (secure ? "; Secure" : "");
    }

    /**
     * The user in a {@code session} cookie value, or empty when it is missing, malformed, tampered with, expired or
     * dated in the future.
     */
    public Optional<String> user(String cookieValue) {
        if (cookieValue == null || !cookieValue.startsWith(VERSION + ".")) {
            return Optional.empty();
        }
        int signatureStart = cookieValue.lastIndexOf('.');
        String payload = cookieValue.substring(0, signatureStart);
        int issuedStart = payload.lastIndexOf('.');
        if (issuedStart <= VERSION.length()) {
            return Optional.empty();
        }
        try {
            byte[] signature = DECODER.decode(cookieValue.substring(signatureStart + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            long issued = Long.parseLong(payload.substring(issuedStart + 1));
            long now = clock.instant().getEpochSecond();
            if (issued > now + CLOCK_SKEW_SECONDS || now - issued >= maxAgeSeconds) {
                return Optional.empty();
            }
            String user = new String(
                    DECODER.decode(payload.substring(VERSION.length() + 1, issuedStart)), StandardCharsets.UTF_8);
            return user.isBlank() ? Optional.empty() : Optional.of(user);
        } catch (IllegalArgumentException malformed) {
            // Base64 or number format: not a cookie we made.
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
