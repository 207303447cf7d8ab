package dev.bookinfo.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@value #HOST} (and {@code localhost}), made with the JDK's {@code keytool} once per
 * run, and the environment that makes productpage serve HTTPS with it (Quarkus' TLS registry) next to plain HTTP.
 */
final class TlsCertificate {

    static final String PASSWORD = "e2e-keystore-password";
    /** The host name productpage is reached under over HTTPS in the e2e run (RFC 2606 reserves {@code .test}). */
    static final String HOST = "bookinfo.test";

    private TlsCertificate() {}

    static Map<String, String> serverEnv(Path target, int httpsPort) {
        Path keyStore = create(target.resolve("tls/productpage.p12"));
        return Map.of(
                "QUARKUS_HTTP_SSL_PORT", Integer.toString(httpsPort),
                "QUARKUS_TLS_KEY_STORE_P12_PATH", keyStore.toString(),
                "QUARKUS_TLS_KEY_STORE_P12_PASSWORD", PASSWORD);
    }

    private static Path create(Path keyStore) {
        try {
            Files.createDirectories(keyStore.getParent());
            Files.deleteIfExists(keyStore);
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "productpage",
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=" + HOST,
                            "-ext",
                            "SAN=dns:" + HOST + ",dns:localhost,ip:127.0.0.1",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keyStore.toString(),
                            "-storepass",
                            PASSWORD,
                            "-keypass",
                            PASSWORD)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.isRegularFile(keyStore)) {
                throw new IllegalStateException("keytool could not create " + keyStore + ": " + output);
            }
            return keyStore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
