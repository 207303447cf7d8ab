package dev.bookinfo.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Real tokens from Keycloak (password grant) and forged ones, built with the JDK alone. */
final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KID = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"");

    private final Suite suite;
    private final PrivateKey realmKey;
    private final String realmKid;

    Tokens(Suite suite) {
        this.suite = suite;
        this.realmKey = privateKey(Base64.getDecoder().decode(Realms.pemBody("e2e-realm-key.pem")));
        String header = new String(
                Base64.getUrlDecoder()
                        .decode(passwordGrant("bookinfo", Suite.CLIENT_ID, "jason", "jason")
                                .split("\\.")[0]),
                StandardCharsets.UTF_8);
        Matcher kid = KID.matcher(header);
        if (!kid.find()) {
            throw new IllegalStateException("no kid in the header of Keycloak's token: " + header);
        }
        this.realmKid = kid.group(1);
    }

    /** An access token for {@code user} from {@code realm}, as productpage would get it after sign-in. */
    String passwordGrant(String realm, String clientId, String user, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (clientId.equals(Suite.CLIENT_ID)) {
            form.put("client_secret", Suite.CLIENT_SECRET);
        }
        form.put("username", user);
        form.put("password", password);
        form.put("scope", "openid profile");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(suite.url("keycloak") + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = suite.http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("token request to realm " + realm + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Claims like Keycloak's, signed with the realm's own key: valid unless a test changes something. */
    String signedByTheRealm(String issuer, String audience, Instant expiresAt) {
        return sign(realmKey, realmKid, claims(issuer, audience, expiresAt));
    }

    /** Correct claims and key id, but signed by a key the realm never published. */
    String signedByAnotherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(
                    generator.generateKeyPair().getPrivate(),
                    realmKid,
                    claims(suite.issuer(), Suite.AUDIENCE, Instant.now().plus(Duration.ofMinutes(5))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Correct claims, {@code "alg":"none"} and no signature. */
    String unsigned() {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64(claims(suite.issuer(), Suite.AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)))) + ".";
    }

    private static String claims(String issuer, String audience, Instant expiresAt) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"e2e-jason\","
                + "\"typ\":\"Bearer\",\"azp\":\"" + Suite.CLIENT_ID + "\",\"preferred_username\":\"jason\","
                + "\"nickname\":\"jason\",\"iat\":" + Math.min(now, expiresAt.getEpochSecond() - 300)
                + ",\"exp\":" + expiresAt.getEpochSecond() + "}";
    }

    private static String sign(PrivateKey key, String kid, String claims) {
        String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}") + "." + b64(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
