package dev.bookinfo.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The realm files under {@code src/test/resources/keycloak/}. {@code bookinfo-realm.json} is the one
 * {@code run-local.sh} imports too; for the e2e run it gets one more signing key, whose private half the tests hold
 * ({@code e2e-realm-key.pem}, a throwaway test key), so that they can mint tokens that are correctly signed by the
 * realm but expired, or for the wrong audience or issuer.
 */
final class Realms {

    private Realms() {}

    static String bookinfoWithE2eSigningKey() {
        String realm = resource("bookinfo-realm.json");
        String marker = "\"realm\": \"bookinfo\",";
        if (!realm.contains(marker)) {
            throw new IllegalStateException("bookinfo-realm.json does not start with " + marker);
        }
        String keys = "\"components\": {\"org.keycloak.keys.KeyProvider\": [{"
                + "\"name\": \"e2e-rsa\", \"providerId\": \"rsa\", \"subComponents\": {}, \"config\": {"
                + "\"priority\": [\"200\"], \"enabled\": [\"true\"], \"active\": [\"true\"],"
                + "\"algorithm\": [\"RS256\"],"
                + "\"privateKey\": [\"" + pemBody("e2e-realm-key.pem") + "\"],"
                + "\"certificate\": [\"" + pemBody("e2e-realm-cert.pem") + "\"]}}]},";
        return withHttpsProductpage(realm.replace(marker, marker + "\n  " + keys));
    }

    /** The client may also return to productpage's HTTPS port ({@code BOOKINFO_HTTPS_URL}, set by {@link Suite}). */
    static String withHttpsProductpage(String realm) {
        String redirect = "\"${BOOKINFO_URL:http://localhost:9080}/callback\"";
        String logout = "${BOOKINFO_URL:http://localhost:9080}/productpage\"";
        if (!realm.contains(redirect) || !realm.contains(logout)) {
            throw new IllegalStateException("bookinfo-realm.json no longer has " + redirect + " and " + logout);
        }
        return realm.replace(redirect, redirect + ", \"${BOOKINFO_HTTPS_URL}/callback\"")
                .replace(logout, logout.substring(0, logout.length() - 1) + "##${BOOKINFO_HTTPS_URL}/productpage\"");
    }

    /** The base64 body of a PEM file, without the BEGIN/END lines and line breaks. */
    static String pemBody(String name) {
        return resource(name).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    static String resource(String name) {
        try (InputStream in = Realms.class.getResourceAsStream("/keycloak/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource keycloak/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
