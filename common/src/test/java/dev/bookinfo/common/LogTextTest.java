package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void controlCharactersOfAClientAreEscapedInTheLog() {
        assertEquals("/a\\x0d\\x0aWARN forged\\x00", LogText.printable("/a\r\nWARN forged\u0000"));
    }

    @Test
    void escapeDeleteAndC1ControlsAreEscapedToo() {
        // ESC [ 31m recolours a terminal; 0x9b is the one-character CSI of C1, 0x85 is NEL (a line break).
        assertEquals("\\x1b[31mRED\\x7f\\x9b2J\\x85x", LogText.printable("\u001b[31mRED\u007f\u009b2J\u0085x"));
    }

    @Test
    void lineSeparatorsAndBidiOverridesAreEscaped() {
        assertEquals("a\\u2028b\\u202ec\\u200bd", LogText.printable("a\u2028b\u202ec\u200bd"));
    }

    @Test
    void printableTextIsKeptAsItIs() {
        assertEquals(
                "GET /api/v1/products/0 caf\u00e9 \ud83d\udcd6",
                LogText.printable("GET /api/v1/products/0 caf\u00e9 \ud83d\udcd6"));
    }

    @Test
    void longTextIsCutWithItsLength() {
        assertEquals("x".repeat(LogText.TEXT_CHARS) + "...[5000 chars]", LogText.printable("x".repeat(5000)));
    }

    @Test
    void aRequestIdIsCutShorter() {
        String id = "y".repeat(19_000);
        assertEquals("y".repeat(LogText.ID_CHARS) + "...[19000 chars]", LogText.requestId(id));
        String uuid = "2f4e8a7c-0a4e-4f5e-9b1e-3c7d2a9e6f10";
        assertEquals(uuid, LogText.requestId(uuid));
    }

    @Test
    void escapesCountTowardsTheLimit() {
        String escaped = LogText.printable("\n".repeat(1000), 64);
        assertTrue(escaped.startsWith("\\x0a".repeat(16) + "..."), escaped);
        assertTrue(escaped.length() < 64 + 20, escaped);
    }

    @Test
    void aSurrogatePairIsNotCutInHalf() {
        assertEquals("ab...[4 chars]", LogText.printable("ab\ud83d\udcd6", 3));
    }

    @Test
    void aLoneSurrogateIsEscaped() {
        assertEquals("a\\ud83dz", LogText.printable("a\ud83dz"));
    }

    @Test
    void missingTextIsADash() {
        assertEquals("-", LogText.printable(null));
        assertEquals("-", LogText.requestId(null));
    }
}
