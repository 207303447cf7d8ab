package dev.bookinfo.reviews.config;

import static dev.bookinfo.reviews.config.RatingsClientDefaults.CONNECT_TIMEOUT;
import static dev.bookinfo.reviews.config.RatingsClientDefaults.READ_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.SmallRyeConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ratings client's URL from the environment (docs/upstream.md#backend-addresses, through common's NeighbourUrls and
 * application.properties) and its timeouts from STAR_COLOR (docs/upstream.md#reviews-variants), without starting
 * Quarkus.
 */
class RatingsClientDefaultsTest {

    private static final String URL = "quarkus.rest-client.ratings.url";

    @Test
    void defaultsAreTheKubernetesServiceAndTenSeconds() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of());

        assertEquals("http://ratings:9080", config.getValue(URL, String.class));
        assertEquals("10000", config.getRawValue(CONNECT_TIMEOUT));
        assertEquals("10000", config.getRawValue(READ_TIMEOUT));
    }

    @Test
    void servicesDomainIsAppendedToTheHostWithADot() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of("SERVICES_DOMAIN", "default.svc.cluster.local"));

        assertEquals("http://ratings.default.svc.cluster.local:9080", config.getValue(URL, String.class));
    }

    @Test
    void hostnameAndServicePortComeFromTheEnvironment() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of(
                "RATINGS_HOSTNAME", "ratings-canary", "RATINGS_SERVICE_PORT", "9999", "SERVICES_DOMAIN", "bookinfo"));

        assertEquals("http://ratings-canary.bookinfo:9999", config.getValue(URL, String.class));
    }

    /** Kubernetes service links set RATINGS_PORT=tcp://...; only RATINGS_SERVICE_PORT is read. */
    @Test
    void kubernetesServiceLinkVariablesAreIgnored() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of(
                "RATINGS_PORT", "tcp://10.96.0.12:9080",
                "RATINGS_PORT_9080_TCP", "tcp://10.96.0.12:9080",
                "RATINGS_SERVICE_HOST", "10.96.0.12",
                "REVIEWS_PORT", "tcp://10.96.0.13:9080",
                "RATINGS_SERVICE_PORT", "9080"));

        assertEquals("http://ratings:9080", config.getValue(URL, String.class));
    }

    @ParameterizedTest(name = "STAR_COLOR={0} gives {1} ms")
    @CsvSource({"black, 10000", "red, 2500", "Black, 2500", "BLACK, 2500", "blue, 2500"})
    void timeoutIsTenSecondsOnlyForExactlyBlack(String starColor, String millis) {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of("STAR_COLOR", starColor));

        assertEquals(millis, config.getRawValue(CONNECT_TIMEOUT));
        assertEquals(millis, config.getRawValue(READ_TIMEOUT));
    }

    /** An empty or blank STAR_COLOR counts as unset, i.e. black, like every variable (common's BlankIsUnset). */
    @ParameterizedTest(name = "STAR_COLOR=\"{0}\" gives 10 s")
    @ValueSource(strings = {"", " "})
    void blankStarColorIsBlack(String blank) {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of("STAR_COLOR", blank));

        assertEquals("10000", config.getRawValue(READ_TIMEOUT));
    }

    /** A blank SERVICES_DOMAIN is unset, as in productpage: no "ratings.:9080". */
    @Test
    void blankServicesDomainIsUnset() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of("SERVICES_DOMAIN", " "));

        assertEquals("http://ratings:9080", config.getValue(URL, String.class));
    }

    @Test
    void explicitTimeoutOverridesTheStarColor() {
        SmallRyeConfig config =
                TestConfigs.withEnvironment(Map.of("STAR_COLOR", "black", "BOOKINFO_RATINGS_TIMEOUT", "750ms"));

        assertEquals("750", config.getRawValue(CONNECT_TIMEOUT));
        assertEquals("750", config.getRawValue(READ_TIMEOUT));
    }

    @Test
    void explicitClientSettingsWinOverTheDerivedOnes() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of(
                "RATINGS_HOSTNAME", "ignored",
                "QUARKUS_REST_CLIENT_RATINGS_URL", "http://ratings.example:8080",
                "QUARKUS_REST_CLIENT_RATINGS_READ_TIMEOUT", "1234"));

        assertEquals("http://ratings.example:8080", config.getValue(URL, String.class));
        assertEquals("1234", config.getRawValue(READ_TIMEOUT));
        assertEquals("10000", config.getRawValue(CONNECT_TIMEOUT));
    }

    @Test
    void devModeTalksToLocalRatings() {
        SmallRyeConfig config = TestConfigs.withEnvironmentAndProfile(Map.of(), "dev");

        assertEquals("http://localhost:9083", config.getValue(URL, String.class));
    }

    @Test
    void timeoutDerivation() {
        assertEquals(
                Duration.ofSeconds(10), RatingsClientDefaults.ratingsTimeout(Optional.of("black"), Optional.empty()));
        assertEquals(
                Duration.ofMillis(2500), RatingsClientDefaults.ratingsTimeout(Optional.of("red"), Optional.empty()));
        assertEquals(Duration.ofMillis(2500), RatingsClientDefaults.ratingsTimeout(Optional.empty(), Optional.empty()));
        assertEquals(
                Duration.ofMillis(300),
                RatingsClientDefaults.ratingsTimeout(Optional.of("black"), Optional.of(Duration.ofMillis(300))));
    }
}
