package dev.bookinfo.productpage.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * An OpenID Connect provider configured like an Auth0 tenant, on WireMock (random port): discovery, JWKS, a token
 * endpoint that answers any code with an ID token for {@code jason} (claim {@code nickname}; claim {@code hostile_name}
 * carries a CR/LF) and a JWT access token
 * for the Bookinfo API, and an end-session endpoint. productpage is pointed at it through the documented
 * {@code OIDC_*} variables. The authorization endpoint is never called: tests read the redirect to it and come back
 * to {@code /callback} themselves, as a browser would after signing in.
 * <p>
 * Not quarkus-test-oidc-server: its Keycloak-shaped provider issues fixed tokens for alice, not the claims used here.
 */
public class OidcProviderStub implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "bookinfo-productpage";
    public static final String CLIENT_SECRET = "test-client-secret";
    public static final String AUDIENCE = "https://bookinfo.io";
    public static final String USER = "jason";
    /** A display name a user could type at a provider, with a header line of its own in it. */
    public static final String HOSTILE_NAME = "jason\r\nx-injected: 1";

    private static final KeyPair KEY = rsaKeyPair();
    private static final String KEY_ID = "test-tenant-key";

    /** What the token endpoint issued; set when the provider starts. */
    public static String accessToken;

    public static String idToken;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String issuer = server.baseUrl();
        idToken = Jwt.issuer(issuer)
                .audience(CLIENT_ID)
                .subject("auth0|jason-id")
                .claim("nickname", USER)
                .claim("name", "Jason Test")
                .claim("hostile_name", HOSTILE_NAME)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .jws()
                .keyId(KEY_ID)
                .sign(KEY.getPrivate());
        accessToken = Jwt.issuer(issuer)
                .audience(AUDIENCE)
                .subject("auth0|jason-id")
                .claim("scope", "openid profile")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .jws()
                .keyId(KEY_ID)
                .sign(KEY.getPrivate());
        server.stubFor(get("/.well-known/openid-configuration")
                .willReturn(json("{"
                        + "\"issuer\":\"" + issuer + "\","
                        + "\"authorization_endpoint\":\"" + issuer + "/authorize\","
                        + "\"token_endpoint\":\"" + issuer + "/oauth/token\","
                        + "\"userinfo_endpoint\":\"" + issuer + "/userinfo\","
                        + "\"jwks_uri\":\"" + issuer + "/.well-known/jwks.json\","
                        + "\"end_session_endpoint\":\"" + issuer + "/oidc/logout\","
                        + "\"response_types_supported\":[\"code\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(get("/.well-known/jwks.json").willReturn(json(jwks())));
        server.stubFor(post("/oauth/token")
                .willReturn(json("{"
                        + "\"access_token\":\"" + accessToken + "\","
                        + "\"id_token\":\"" + idToken + "\","
                        + "\"refresh_token\":\"test-refresh-token\","
                        + "\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        return Map.of(
                "OIDC_AUTH_SERVER_URL", issuer,
                "OIDC_CLIENT_ID", CLIENT_ID,
                "OIDC_CLIENT_SECRET", CLIENT_SECRET,
                "OIDC_AUDIENCE", AUDIENCE,
                "SESSION_ENCRYPTION_KEY", "a-test-key-of-at-least-32-characters-0123456789");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(InjectOidcProvider.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String jwks() {
        RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) KEY.getPublic());
        key.setKeyId(KEY_ID);
        key.setAlgorithm("RS256");
        key.setUse("sig");
        return new JsonWebKeySet(key).toJson();
    }

    private static KeyPair rsaKeyPair() {
        try {
            return KeyUtils.generateKeyPair(2048);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
