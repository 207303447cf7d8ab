package dev.bookinfo.security.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * A stand-in for an Auth0 tenant: a JWKS endpoint (WireMock, random port) publishing one RSA key, and the app put in
 * {@code standalone} mode against it through the documented variables {@code JWT_MODE}, {@code JWT_ISSUER},
 * {@code JWT_JWKS_URL} and {@code JWT_AUDIENCE}. The {@code token...} methods mint the good and the forged tokens
 * the tests send. Works for {@code @QuarkusIntegrationTest} too: the keys live in this (the test) JVM.
 */
public class JwtIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://bookinfo-test.eu.auth0.com/";
    public static final String AUDIENCE = "https://bookinfo.io";
    private static final String KEY_ID = "bookinfo-test-key";

    private static final KeyPair TENANT_KEY = rsaKeyPair();
    private static final KeyPair OTHER_KEY = rsaKeyPair();

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(get("/.well-known/jwks.json")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(jwks())));
        return Map.of(
                "JWT_MODE",
                "standalone",
                "JWT_ISSUER",
                ISSUER,
                "JWT_JWKS_URL",
                server.baseUrl() + "/.well-known/jwks.json",
                "JWT_AUDIENCE",
                AUDIENCE);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A token as Auth0 issues it for the Bookinfo API: right issuer, audience and key, valid for five minutes. */
    public static String validToken() {
        return sign(ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), TENANT_KEY, KEY_ID);
    }

    public static String expiredToken() {
        return sign(ISSUER, AUDIENCE, Instant.now().minus(Duration.ofMinutes(10)), TENANT_KEY, KEY_ID);
    }

    public static String tokenOfAnotherIssuer() {
        return sign(
                "https://evil.example.com/", AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), TENANT_KEY, KEY_ID);
    }

    public static String tokenForAnotherAudience() {
        return sign(
                ISSUER,
                "https://another-api.example.com",
                Instant.now().plus(Duration.ofMinutes(5)),
                TENANT_KEY,
                KEY_ID);
    }

    /** Right claims and key id, but signed with a key the tenant never published. */
    public static String tokenWithABadSignature() {
        return sign(ISSUER, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), OTHER_KEY, KEY_ID);
    }

    /** A valid token of another tenant (or realm): its own issuer and its own key. */
    public static String tokenOfAnotherRealm() {
        return sign(
                "https://other-tenant.eu.auth0.com/",
                AUDIENCE,
                Instant.now().plus(Duration.ofMinutes(5)),
                OTHER_KEY,
                "other-tenant-key");
    }

    /**
     * A log line of its own, in colour: ESC, CR, LF, C1's one-character CSI (0x9b) and a made-up ERROR record, as a
     * client would put it into a token's header or claims, which the reason for refusing the token quotes.
     */
    public static final String FORGED_LOG_LINE =
            "\u001b[31mRED\r\n2026-12-06 23:00:00,000 ERROR [io.quarkus] (main) FORGED\u009b2J";

    /**
     * A JOSE header that marks {@link #FORGED_LOG_LINE} as a critical extension (jose4j quotes an unknown one in its
     * refusal), valid claims, a signature of junk.
     */
    public static String tokenWithAForgedCriticalHeader() {
        String forged = FORGED_LOG_LINE
                .replace("\r", "\\r")
                .replace("\n", "\\n")
                .replace("\u001b", "\\u001b")
                .replace("\u009b", "\\u009b");
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KEY_ID + "\",\"crit\":[\"" + forged + "\"]}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"auth0|jason\"," + "\"exp\":"
                + Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond() + "}";
        return base64Url(header) + "." + base64Url(claims) + ".c2lnbmF0dXJl";
    }

    /** Correctly signed by the tenant's key, for an issuer that is {@link #FORGED_LOG_LINE}. */
    public static String tokenOfAForgedIssuer() {
        return sign(FORGED_LOG_LINE, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), TENANT_KEY, KEY_ID);
    }

    /**
     * Right claims, {@code "alg":"none"} and an empty signature: must never be accepted.
     * Assembled by hand: smallrye-jwt-build refuses to build an unsigned token (SRJWT05011).
     */
    public static String unsignedToken() {
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"auth0|jason\"," + "\"exp\":"
                + Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond() + "}";
        return base64Url(header) + "." + base64Url(claims) + ".";
    }

    private static String sign(String issuer, String audience, Instant expiresAt, KeyPair key, String keyId) {
        return Jwt.issuer(issuer)
                .audience(audience)
                .subject("auth0|jason")
                .claim("nickname", "jason")
                .issuedAt(Instant.now().minus(Duration.ofMinutes(30)))
                .expiresAt(expiresAt)
                .jws()
                .keyId(keyId)
                .sign(key.getPrivate());
    }

    private static String jwks() {
        RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) TENANT_KEY.getPublic());
        key.setKeyId(KEY_ID);
        key.setAlgorithm("RS256");
        key.setUse("sig");
        return new JsonWebKeySet(key).toJson();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsaKeyPair() {
        try {
            return KeyUtils.generateKeyPair(2048);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
