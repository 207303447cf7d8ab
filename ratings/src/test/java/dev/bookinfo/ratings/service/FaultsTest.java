package dev.bookinfo.ratings.service;

import static dev.bookinfo.ratings.service.Faults.Outcome.NORMAL;
import static dev.bookinfo.ratings.service.Faults.Outcome.UNAVAILABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.ratings.config.RatingsConfig;
import dev.bookinfo.ratings.config.ServiceVersion;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The variant logic with a hand-driven clock and dice (docs/upstream.md#ratings-variants). */
class FaultsTest {

    private static final Duration UNAVAILABLE_PERIOD = Duration.ofSeconds(60);
    private static final Duration UNHEALTHY_PERIOD = Duration.ofMinutes(15);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private double dice;

    @Test
    void v1NeverFails() {
        Faults faults = faults(ServiceVersion.V1, 1.0);
        dice = 0.0;
        assertEquals(NORMAL, faults.nextGet());
        clock.addAndGet(UNHEALTHY_PERIOD.toNanos());
        assertEquals(NORMAL, faults.nextGet());
        assertTrue(faults.healthy());
    }

    @ParameterizedTest(name = "v-faulty, probability {0}, dice {1}: {2}")
    @CsvSource({
        "0.5, 0.0, UNAVAILABLE",
        "0.5, 0.4999, UNAVAILABLE",
        "0.5, 0.5, NORMAL",
        "0.5, 0.9999, NORMAL",
        "1.0, 0.9999999, UNAVAILABLE",
        "0.0, 0.0, NORMAL"
    })
    void faultyFailsWhenTheDiceFallBelowTheProbability(double probability, double roll, Faults.Outcome expected) {
        Faults faults = faults(ServiceVersion.V_FAULTY, probability);
        dice = roll;
        assertEquals(expected, faults.nextGet());
        assertTrue(faults.healthy());
    }

    @ParameterizedTest(name = "v-delayed, probability {0}, dice {1}: {2}")
    @CsvSource({"0.5, 0.0, DELAYED", "0.5, 0.5, NORMAL", "1.0, 0.9999999, DELAYED", "0.0, 0.0, NORMAL"})
    void delayedDelaysWhenTheDiceFallBelowTheProbability(double probability, double roll, Faults.Outcome expected) {
        Faults faults = faults(ServiceVersion.V_DELAYED, probability);
        dice = roll;
        assertEquals(expected, faults.nextGet());
        assertEquals(Duration.ofSeconds(7), faults.delay());
        assertTrue(faults.healthy());
    }

    @Test
    void unavailableStartsAvailableAndTogglesEveryPeriodWhileStayingHealthy() {
        Faults faults = faults(ServiceVersion.V_UNAVAILABLE, 0.5);
        long period = UNAVAILABLE_PERIOD.toNanos();
        assertEquals(NORMAL, faults.nextGet());
        clock.addAndGet(period - 1);
        assertEquals(NORMAL, faults.nextGet());
        clock.addAndGet(1);
        assertEquals(UNAVAILABLE, faults.nextGet());
        assertTrue(faults.healthy());
        clock.addAndGet(period);
        assertEquals(NORMAL, faults.nextGet());
        clock.addAndGet(period * 7);
        assertEquals(UNAVAILABLE, faults.nextGet());
        assertTrue(faults.healthy());
    }

    @Test
    void unhealthyStartsHealthyAndTogglesHealthAndAvailabilityEveryPeriod() {
        Faults faults = faults(ServiceVersion.V_UNHEALTHY, 0.5);
        long period = UNHEALTHY_PERIOD.toNanos();
        assertTrue(faults.healthy());
        assertEquals(NORMAL, faults.nextGet());
        clock.addAndGet(UNAVAILABLE_PERIOD.toNanos());
        assertTrue(faults.healthy(), "uses its own period, not v-unavailable's");
        clock.addAndGet(period - UNAVAILABLE_PERIOD.toNanos());
        assertFalse(faults.healthy());
        assertEquals(UNAVAILABLE, faults.nextGet());
        clock.addAndGet(period);
        assertTrue(faults.healthy());
        assertEquals(NORMAL, faults.nextGet());
    }

    private Faults faults(ServiceVersion version, double probability) {
        return new Faults(new FixedConfig(version, probability), clock::get, () -> dice);
    }

    private record FixedConfig(ServiceVersion serviceVersion, double probability) implements RatingsConfig {

        @Override
        public RatingsConfig.Store store() {
            throw new UnsupportedOperationException("Faults does not read the store's bounds");
        }

        @Override
        public RatingsConfig.Faults faults() {
            return new RatingsConfig.Faults() {
                @Override
                public double probability() {
                    return probability;
                }

                @Override
                public Duration delay() {
                    return Duration.ofSeconds(7);
                }

                @Override
                public Duration unavailablePeriod() {
                    return UNAVAILABLE_PERIOD;
                }

                @Override
                public Duration unhealthyPeriod() {
                    return UNHEALTHY_PERIOD;
                }
            };
        }

        @Override
        public RatingsConfig.Database database() {
            throw new UnsupportedOperationException("Faults never reads the database settings");
        }
    }
}
