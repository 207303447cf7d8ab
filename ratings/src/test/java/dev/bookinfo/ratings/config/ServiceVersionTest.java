package dev.bookinfo.ratings.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceVersionTest {

    private static final String VALID = "v1, v2, v-faulty, v-delayed, v-unavailable, v-unhealthy";

    @ParameterizedTest
    @CsvSource({
        "v1, V1",
        "v2, V2",
        "v-faulty, V_FAULTY",
        "v-delayed, V_DELAYED",
        "v-unavailable, V_UNAVAILABLE",
        "v-unhealthy, V_UNHEALTHY"
    })
    void readsTheUpstreamVariantNames(String text, ServiceVersion expected) {
        assertEquals(expected, ServiceVersion.parse(text));
        assertEquals(text, expected.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v9", "V1", "V2", "v2 ", "v-Faulty", "v1 ", "faulty", "v3"})
    void rejectsUnknownValuesListingTheValidOnes(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ServiceVersion.parse(text));
        assertEquals("SERVICE_VERSION=" + text + " is not a ratings variant; use " + VALID, error.getMessage());
    }

    @Test
    void rejectsAnEmptyValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ServiceVersion.parse(""));
        assertEquals("SERVICE_VERSION is set but empty; use " + VALID, error.getMessage());
    }
}
