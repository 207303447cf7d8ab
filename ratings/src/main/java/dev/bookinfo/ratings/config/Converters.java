package dev.bookinfo.ratings.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Converters that reject bad settings while the configuration is read, so startup stops with one
 * "Configuration validation failed" line naming the env var instead of a stack trace.
 */
public final class Converters {

    private Converters() {}

    /** {@link ServiceVersion#parse}, with its messages for unknown and empty values. */
    @RegisterForReflection // instantiated by SmallRye Config
    public static final class ServiceVersionConverter implements Converter<ServiceVersion> {

        @Override
        public ServiceVersion convert(String value) {
            return ServiceVersion.parse(value);
        }
    }

    /** A number from 0.0 to 1.0. */
    @RegisterForReflection // instantiated by SmallRye Config
    public static final class ProbabilityConverter implements Converter<Double> {

        @Override
        public Double convert(String value) {
            double probability;
            try {
                probability = Double.parseDouble(value.strip());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("FAULT_PROBABILITY must be a number from 0.0 to 1.0, got " + value);
            }
            if (!(probability >= 0.0 && probability <= 1.0)) {
                throw new IllegalArgumentException("FAULT_PROBABILITY must be a number from 0.0 to 1.0, got " + value);
            }
            return probability;
        }
    }

    /** A duration above zero, in Quarkus' syntax: {@code 7s}, {@code 300ms}, {@code 15m}, {@code PT1H}, or seconds. */
    @RegisterForReflection // instantiated by SmallRye Config
    public static final class PositiveDurationConverter implements Converter<Duration> {

        @Override
        public Duration convert(String value) {
            Duration duration = DurationConverter.parseDuration(value);
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("fault delays and periods must be above zero, got " + value);
            }
            return duration;
        }
    }

    /** A whole number, 0 or more. */
    @RegisterForReflection // instantiated by SmallRye Config
    public static final class MaxPostedProductsConverter implements Converter<Integer> {

        @Override
        public Integer convert(String value) {
            return wholeNumber(
                    value, 0, Integer.MAX_VALUE, "MAX_POSTED_PRODUCTS must be a whole number, 0 or more, got ");
        }
    }

    /**
     * 1 to 500. Jackson writes at most 1000 levels and the answer wraps the posted value in one more object; 500
     * keeps far from that, so whatever is stored can be served.
     */
    @RegisterForReflection // instantiated by SmallRye Config
    public static final class MaxJsonDepthConverter implements Converter<Integer> {

        @Override
        public Integer convert(String value) {
            return wholeNumber(value, 1, 500, "MAX_JSON_DEPTH must be a whole number from 1 to 500, got ");
        }
    }

    private static int wholeNumber(String value, int min, int max, String message) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(message + value);
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(message + value);
        }
        return number;
    }
}
