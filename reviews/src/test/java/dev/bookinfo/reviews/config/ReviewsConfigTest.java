package dev.bookinfo.reviews.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.SmallRyeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The upstream environment variables (docs/upstream.md#reviews-variants), through application.properties, into
 * {@link ReviewsConfig}.
 */
class ReviewsConfigTest {

    @Test
    void unsetEnvironmentIsReviewsV1() {
        ReviewsConfig config = mapping(Map.of());

        assertFalse(config.ratingsEnabled());
        assertEquals("black", config.starColor());
        assertEquals("null", config.podname());
        assertEquals("null", config.clustername());
        assertEquals(Duration.ofSeconds(10), config.ratingsTimeout());
    }

    @ParameterizedTest(name = "ENABLE_RATINGS={0} enables ratings")
    @ValueSource(strings = {"true", "TRUE", "True", "tRuE"})
    void onlyTrueInAnyCaseEnablesRatings(String value) {
        assertTrue(mapping(Map.of("ENABLE_RATINGS", value)).ratingsEnabled());
    }

    /** SmallRye's boolean converter would accept yes/on/1; Java's Boolean.valueOf does not. */
    @ParameterizedTest(name = "ENABLE_RATINGS={0} leaves ratings off")
    @ValueSource(strings = {"false", "yes", "on", "1", "y", "enabled", "true!"})
    void anythingElseLeavesRatingsOff(String value) {
        assertFalse(mapping(Map.of("ENABLE_RATINGS", value)).ratingsEnabled());
    }

    @Test
    void podAndClusterComeFromHostnameAndClusterName() {
        ReviewsConfig config = mapping(Map.of("HOSTNAME", "reviews-v1-545db77b95-2bwqm", "CLUSTER_NAME", "west"));

        assertEquals("reviews-v1-545db77b95-2bwqm", config.podname());
        assertEquals("west", config.clustername());
    }

    /** Upstream printed "" for an empty variable; here empty or blank means unset, everywhere. */
    @ParameterizedTest(name = "\"{0}\" counts as unset")
    @ValueSource(strings = {"", " "})
    void blankVariablesCountAsUnset(String blank) {
        ReviewsConfig config = mapping(Map.of(
                "HOSTNAME",
                blank,
                "CLUSTER_NAME",
                blank,
                "STAR_COLOR",
                blank,
                "ENABLE_RATINGS",
                blank,
                "BOOKINFO_RATINGS_TIMEOUT",
                blank));

        assertEquals("null", config.podname());
        assertEquals("null", config.clustername());
        assertEquals("black", config.starColor());
        assertFalse(config.ratingsEnabled());
        assertEquals(Duration.ofSeconds(10), config.ratingsTimeout());
    }

    /** Upstream's rule: 10 s only for exactly "black", 2.5 s for any other colour, unless set explicitly. */
    @ParameterizedTest(name = "STAR_COLOR={0}, BOOKINFO_RATINGS_TIMEOUT={1}: {2} ms")
    @CsvSource({"black, , 10000", "red, , 2500", "Black, , 2500", "black, 1.5s, 1500", "red, 750ms, 750"})
    void ratingsTimeoutFollowsTheStarColourUnlessSet(String starColor, String timeout, long millis) {
        Map<String, String> environment = new HashMap<>(Map.of("STAR_COLOR", starColor));
        if (timeout != null) {
            environment.put("BOOKINFO_RATINGS_TIMEOUT", timeout);
        }
        SmallRyeConfig config = TestConfigs.withEnvironment(environment);
        ReviewsConfig reviews = config.getConfigMapping(ReviewsConfig.class);

        assertEquals(starColor, reviews.starColor());
        assertEquals(Duration.ofMillis(millis), reviews.ratingsTimeout());
        // ... and it is what the ratings client is given, for connect and read.
        assertEquals(millis, config.getValue(RatingsClientDefaults.CONNECT_TIMEOUT, Long.class));
        assertEquals(millis, config.getValue(RatingsClientDefaults.READ_TIMEOUT, Long.class));
    }

    private static ReviewsConfig mapping(Map<String, String> environment) {
        return TestConfigs.withEnvironment(environment).getConfigMapping(ReviewsConfig.class);
    }
}
