package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductIdsTest {

    @ParameterizedTest
    @CsvSource({
        "0,0",
        "7,7",
        "-5,-5",
        "010,10",
        "9223372036854775807,9223372036854775807",
        "-9223372036854775808,-9223372036854775808"
    })
    void acceptsDecimalLongs(String text, long expected) {
        assertEquals(OptionalLong.of(expected), ProductIds.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-",
                "+1",
                " 5",
                "5 ",
                "0x1f",
                "0b101",
                "1_000",
                "1.5",
                "abc",
                "12abc",
                "€",
                "99999999999999999999",
                "9223372036854775808",
                "١٢"
            })
    void rejectsEverythingElseAsLong(String text) {
        assertTrue(ProductIds.parseLong(text).isEmpty(), () -> "accepted " + text);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "007,7", "-3,-3", "2147483647,2147483647"})
    void acceptsDecimalInts(String text, int expected) {
        assertEquals(OptionalInt.of(expected), ProductIds.parseInt(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "abc", "1.0", ""})
    void rejectsOutOfRangeInts(String text) {
        assertTrue(ProductIds.parseInt(text).isEmpty(), () -> "accepted " + text);
    }
}
