package dev.bookinfo.ratings.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConvertersTest {

    @ParameterizedTest
    @CsvSource({"0, 0.0", "1, 1.0", "0.5, 0.5", "0.25, 0.25", "' 1.0 ', 1.0"})
    void acceptsProbabilitiesFromZeroToOne(String text, double expected) {
        assertEquals(expected, new Converters.ProbabilityConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.1", "1.01", "2", "NaN", "half", "50%"})
    void rejectsOtherProbabilities(String text) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new Converters.ProbabilityConverter().convert(text));
        assertEquals("FAULT_PROBABILITY must be a number from 0.0 to 1.0, got " + text, error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"7s, PT7S", "300ms, PT0.3S", "15m, PT15M", "PT1H, PT1H", "2, PT2S"})
    void acceptsPositiveDurations(String text, Duration expected) {
        assertEquals(expected, new Converters.PositiveDurationConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0", "-1s", "PT0S"})
    void rejectsDurationsThatAreNotPositive(String text) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new Converters.PositiveDurationConverter().convert(text));
        assertEquals("fault delays and periods must be above zero, got " + text, error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "100, 100", "' 7 ', 7"})
    void acceptsProductCapsOfZeroOrMore(String text, int expected) {
        assertEquals(expected, new Converters.MaxPostedProductsConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "many", "1.5", "99999999999"})
    void rejectsOtherProductCaps(String text) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new Converters.MaxPostedProductsConverter().convert(text));
        assertEquals("MAX_POSTED_PRODUCTS must be a whole number, 0 or more, got " + text, error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "32, 32", "500, 500"})
    void acceptsDepthsFromOneTo500(String text, int expected) {
        assertEquals(expected, new Converters.MaxJsonDepthConverter().convert(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-3", "deep"})
    void rejectsOtherDepths(String text) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new Converters.MaxJsonDepthConverter().convert(text));
        assertEquals("MAX_JSON_DEPTH must be a whole number from 1 to 500, got " + text, error.getMessage());
    }
}
