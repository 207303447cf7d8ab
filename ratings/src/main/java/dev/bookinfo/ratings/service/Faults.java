package dev.bookinfo.ratings.service;

import dev.bookinfo.ratings.config.RatingsConfig;
import dev.bookinfo.ratings.config.ServiceVersion;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Decides, per {@code SERVICE_VERSION}, what a GET /ratings does and whether the service is healthy
 * (docs/upstream.md#ratings-variants). Only GET /ratings and health are affected; POST always takes the normal path.
 *
 * <p>The toggling variants compute their phase from the time elapsed since startup, so there is no timer
 * to keep in sync: phase {@code n} is {@code elapsed / period}, even phases are the good ones.
 * {@link Startup} makes the clock start when the application boots, not at the first request.
 */
@Startup
@Singleton
public class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class);

    /** What a GET /ratings does. */
    public enum Outcome {
        /** Answer now with the ratings. */
        NORMAL,
        /** Answer with the ratings after {@link #delay()}. */
        DELAYED,
        /** Answer 503 {@code {"error":"Service unavailable"}}. */
        UNAVAILABLE
    }

    private final ServiceVersion version;
    private final double probability;
    private final Duration delay;
    private final long periodNanos;
    private final LongSupplier nanoClock;
    private final DoubleSupplier random;
    private final long startNanos;

    @Inject
    public Faults(RatingsConfig config) {
        this(config, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param nanoClock a monotonic clock in nanoseconds, like {@link System#nanoTime()}
     * @param random uniform values in [0, 1), like {@link ThreadLocalRandom#nextDouble()}
     */
    Faults(RatingsConfig config, LongSupplier nanoClock, DoubleSupplier random) {
        RatingsConfig.Faults faults = config.faults();
        this.version = config.serviceVersion();
        this.probability = faults.probability();
        this.delay = faults.delay();
        Duration period = version == ServiceVersion.V_UNHEALTHY ? faults.unhealthyPeriod() : faults.unavailablePeriod();
        this.periodNanos = period.toNanos();
        this.nanoClock = nanoClock;
        this.random = random;
        this.startNanos = nanoClock.getAsLong();
        LOG.info(describe());
    }

    /** Draws the outcome of one GET /ratings. */
    public Outcome nextGet() {
        return switch (version) {
            case V1, V2 -> Outcome.NORMAL;
            // Upstream: Math.random() <= 0.5. "<" makes 0.0 mean never and 1.0 always.
            case V_FAULTY -> random.getAsDouble() < probability ? Outcome.UNAVAILABLE : Outcome.NORMAL;
            case V_DELAYED -> random.getAsDouble() < probability ? Outcome.DELAYED : Outcome.NORMAL;
            case V_UNAVAILABLE, V_UNHEALTHY -> inBadPhase() ? Outcome.UNAVAILABLE : Outcome.NORMAL;
        };
    }

    /** Whether /health answers 200 and readiness is UP: false only in v-unhealthy's unhealthy phases. */
    public boolean healthy() {
        return version != ServiceVersion.V_UNHEALTHY || !inBadPhase();
    }

    /** How long a {@link Outcome#DELAYED} answer is held back. */
    public Duration delay() {
        return delay;
    }

    private boolean inBadPhase() {
        long phase = (nanoClock.getAsLong() - startNanos) / periodNanos;
        return phase % 2 == 1;
    }

    private String describe() {
        return switch (version) {
            case V1 -> "Ratings variant v1: in-memory ratings, no faults";
            case V2 -> "Ratings variant v2: ratings from a database, no faults";
            case V_FAULTY -> "Ratings variant v-faulty: GET /ratings answers 503 with probability " + probability;
            case V_DELAYED ->
                "Ratings variant v-delayed: GET /ratings is delayed " + delay + " with probability " + probability;
            case V_UNAVAILABLE ->
                "Ratings variant v-unavailable: GET /ratings toggles between normal and 503 every "
                        + Duration.ofNanos(periodNanos);
            case V_UNHEALTHY ->
                "Ratings variant v-unhealthy: health and GET /ratings toggle every " + Duration.ofNanos(periodNanos);
        };
    }
}
