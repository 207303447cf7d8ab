package dev.bookinfo.reviews.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
        assertTrue(config.ratingsTimeout().isEmpty());
    }

    @ParameterizedTest(name = "ENABLE_RATINGS={0} enables ratings")
    @ValueSource(strings = { "true", "TRUE", "True", "tRuE" })
    void onlyTrueInAnyCaseEnablesRatings(String value) {
        assertTrue(mapping(Map.of("ENABLE_RATINGS", value)).ratingsEnabled());
    }

    /** SmallRye's boolean converter would accept yes/on/1; Java's Boolean.valueOf does not. */
    @ParameterizedTest(name = "ENABLE_RATINGS={0} leaves ratings off")
    @ValueSource(strings = { "false", "yes", "on", "1", "y", "enabled", "true!" })
    void anythingElseLeavesRatingsOff(String value) {
        assertFalse(mapping(Map.of("ENABLE_RATINGS", value)).ratingsEnabled());
    }

    @Test
    void podAndClusterComeFromHostnameAndClusterName() {
        ReviewsConfig config = mapping(Map.of("HOSTNAME", "reviews-v1-545db77b95-2bwqm", "CLUSTER_NAME", "west"));

        assertEquals("reviews-v1-545db77b95-2bwqm", config.podname());
        assertEquals("west", config.clustername());
    }

    /** Upstream printed "" for an empty variable; here empty means unset, everywhere. */
    @Test
    void emptyVariablesCountAsUnset() {
        ReviewsConfig config = mapping(Map.of("HOSTNAME", "", "CLUSTER_NAME", "", "STAR_COLOR", "", "ENABLE_RATINGS", ""));

        assertEquals("null", config.podname());
        assertEquals("null", config.clustername());
        assertEquals("black", config.starColor());
        assertFalse(config.ratingsEnabled());
    }

    @Test
    void starColorAndTimeoutOverrideAreRead() {
        ReviewsConfig config = mapping(Map.of("STAR_COLOR", "red", "BOOKINFO_RATINGS_TIMEOUT", "1.5s"));

        assertEquals("red", config.starColor());
        assertEquals(Duration.ofMillis(1500), config.ratingsTimeout().orElseThrow());
    }

    private static ReviewsConfig mapping(Map<String, String> environment) {
        return TestConfigs.withEnvironment(environment).getConfigMapping(ReviewsConfig.class);
    }
}
