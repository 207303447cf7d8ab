package dev.bookinfo.reviews.config;

import static dev.bookinfo.reviews.config.RatingsClientDefaults.CONNECT_TIMEOUT;
import static dev.bookinfo.reviews.config.RatingsClientDefaults.READ_TIMEOUT;
import static dev.bookinfo.reviews.config.RatingsClientDefaults.URL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.smallrye.config.SmallRyeConfig;

/**
 * The ratings URL from the environment (docs/upstream.md#backend-addresses) and the timeout from STAR_COLOR
 * (docs/upstream.md#reviews-variants), without starting Quarkus.
 */
class RatingsClientDefaultsTest {

    @Test
    void defaultsAreTheKubernetesServiceAndTenSeconds() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of());

        assertEquals("http://ratings:9080", config.getRawValue(URL));
        assertEquals("10000", config.getRawValue(CONNECT_TIMEOUT));
        assertEquals("10000", config.getRawValue(READ_TIMEOUT));
    }

    @Test
    void servicesDomainIsAppendedToTheHostWithADot() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of("SERVICES_DOMAIN", "default.svc.cluster.local"));

        assertEquals("http://ratings.default.svc.cluster.local:9080", config.getRawValue(URL));
    }

    @Test
    void hostnameAndServicePortComeFromTheEnvironment() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of(
                "RATINGS_HOSTNAME", "ratings-canary", "RATINGS_SERVICE_PORT", "9999", "SERVICES_DOMAIN", "bookinfo"));

        assertEquals("http://ratings-canary.bookinfo:9999", config.getRawValue(URL));
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

        assertEquals("http://ratings:9080", config.getRawValue(URL));
    }

    @ParameterizedTest(name = "STAR_COLOR={0} gives {1} ms")
    @CsvSource({ "black, 10000", "red, 2500", "Black, 2500", "BLACK, 2500", "blue, 2500" })
    void timeoutIsTenSecondsOnlyForExactlyBlack(String starColor, String millis) {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of("STAR_COLOR", starColor));

        assertEquals(millis, config.getRawValue(CONNECT_TIMEOUT));
        assertEquals(millis, config.getRawValue(READ_TIMEOUT));
    }

    /** An empty STAR_COLOR counts as unset, i.e. black, like everywhere else in the service. */
    @Test
    void emptyStarColorIsBlack() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of("STAR_COLOR", ""));

        assertEquals("10000", config.getRawValue(READ_TIMEOUT));
    }

    @Test
    void explicitTimeoutOverridesTheStarColor() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of(
                "STAR_COLOR", "black", "BOOKINFO_RATINGS_TIMEOUT", "750ms"));

        assertEquals("750", config.getRawValue(CONNECT_TIMEOUT));
        assertEquals("750", config.getRawValue(READ_TIMEOUT));
    }

    @Test
    void explicitClientSettingsWinOverTheDerivedOnes() {
        SmallRyeConfig config = TestConfigs.withEnvironment(Map.of(
                "RATINGS_HOSTNAME", "ignored",
                "QUARKUS_REST_CLIENT_RATINGS_URL", "http://ratings.example:8080",
                "QUARKUS_REST_CLIENT_RATINGS_READ_TIMEOUT", "1234"));

        assertEquals("http://ratings.example:8080", config.getRawValue(URL));
        assertEquals("1234", config.getRawValue(READ_TIMEOUT));
        assertEquals("10000", config.getRawValue(CONNECT_TIMEOUT));
    }

    @Test
    void devModeTalksToLocalRatings() {
        SmallRyeConfig config = TestConfigs.withEnvironmentAndProfile(Map.of(), "dev");

        assertEquals("http://localhost:9083", config.getRawValue(URL));
    }

    @Test
    void urlDerivation() {
        assertEquals("http://ratings:9080", RatingsClientDefaults.ratingsUrl("ratings", Optional.empty(), "9080"));
        assertEquals("http://ratings.ns.svc.cluster.local:9080",
                RatingsClientDefaults.ratingsUrl("ratings", Optional.of("ns.svc.cluster.local"), "9080"));
        assertEquals("http://r:1", RatingsClientDefaults.ratingsUrl("r", Optional.empty(), "1"));
    }

    @Test
    void timeoutDerivation() {
        assertEquals(Duration.ofSeconds(10), RatingsClientDefaults.ratingsTimeout("black", Optional.empty()));
        assertEquals(Duration.ofMillis(2500), RatingsClientDefaults.ratingsTimeout("red", Optional.empty()));
        assertEquals(Duration.ofMillis(2500), RatingsClientDefaults.ratingsTimeout("", Optional.empty()));
        assertEquals(Duration.ofMillis(300),
                RatingsClientDefaults.ratingsTimeout("black", Optional.of(Duration.ofMillis(300))));
    }
}
