package dev.bookinfo.details.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.details.client.GoogleBooksEndpoint;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The defaults when no env var is set: v1, HTTPS to Google, upstream's 5 s read timeout. */
@QuarkusTest
class DetailsConfigTest {

    @Inject
    DetailsConfig config;

    @Test
    void externalBookServiceIsOffByDefault() {
        assertEquals("false", config.enableExternalBookService());
        assertFalse(config.externalBookServiceEnabled());
    }

    @Test
    void googleBooksDefaultsToHttpsWithUpstreamsFiveSecondReadTimeout() {
        assertEquals(Duration.ofSeconds(5), config.googleBooks().readTimeout());
        assertEquals(Duration.ofSeconds(5), config.googleBooks().connectTimeout());
        assertEquals("false", config.googleBooks().doNotEncrypt());
        assertEquals(Optional.empty(), config.googleBooks().url());
    }

    /** Plain HTTP only when the operator asks for the mesh's TLS origination (DO_NOT_ENCRYPT=true). */
    @Test
    void googleBooksIsCalledOverHttpsByDefault() {
        assertEquals(
                URI.create("https://www.googleapis.com:443"),
                GoogleBooksEndpoint.baseUri(
                        config.googleBooks().url(), config.googleBooks().doNotEncrypt()));
    }

    @Test
    void onlyTheExactStringTrueIsOn() {
        assertTrue(DetailsConfig.isExactlyTrue("true"));
        for (String notTrue : new String[] {"TRUE", "True", "yes", "on", "1", " true", "", "false"}) {
            assertFalse(DetailsConfig.isExactlyTrue(notTrue), notTrue);
        }
        assertFalse(DetailsConfig.isExactlyTrue(null));
    }
}
