package dev.bookinfo.productpage.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Demo {@code session} cookies: from the login form ({@link #signIn}), or made the way productpage makes them, with
 * the built-in key, for any name and time ({@link #mint}): names the login form refuses, and cookies that are expired
 * or dated in the future.
 */
public final class DemoSessions {

    /** The demo login's documented, public default key (bookinfo.session.secret in application.properties). */
    public static final String BUILT_IN_KEY = "bookinfo-demo-session-key-not-a-secret";

    private DemoSessions() {}

    /**
     * Signs {@code user} in through the demo login form as Istio's test helper does ({@code curl --data
     * "username=jason&passwd=password" .../login}; the password is ignored), expects the 302 and returns the session
     * cookie.
     */
    public static String signIn(String user) {
        return given().redirects()
                .follow(false)
                .formParam("username", user)
                .formParam("passwd", "password")
                .when()
                .post("/login")
                .then()
                .statusCode(302)
                .extract()
                .cookie("session");
    }

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
