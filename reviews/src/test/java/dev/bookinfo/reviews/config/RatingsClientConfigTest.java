package dev.bookinfo.reviews.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.bookinfo.reviews.testing.InjectRatings;
import dev.bookinfo.reviews.testing.Profiles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * Inside the running app (reviews-v3, STAR_COLOR=red): the derived 2.5 s timeout reaches the ratings client
 * settings, and the test's explicit URL wins over the derived one. Uses injection, so it has no {@code *IT} twin;
 * the packaged jar's timeout behaviour is covered by {@code SlowRatingsIT}.
 */
@QuarkusTest
@TestProfile(Profiles.V3.class)
class RatingsClientConfigTest {

    @Inject
    Config config;

    @InjectRatings
    WireMockServer ratings;

    @Test
    void redStarsDeriveTheShortTimeoutForConnectAndRead() {
        assertEquals(2500L, config.getValue(RatingsClientDefaults.CONNECT_TIMEOUT, Long.class));
        assertEquals(2500L, config.getValue(RatingsClientDefaults.READ_TIMEOUT, Long.class));
    }

    @Test
    void explicitUrlWinsOverTheDerivedOne() {
        assertEquals(ratings.baseUrl(), config.getValue("quarkus.rest-client.ratings.url", String.class));
    }
}
