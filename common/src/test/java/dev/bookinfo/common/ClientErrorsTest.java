package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientErrorsTest {

    @Test
    void controlCharactersOfAClientAreEscapedInTheLog() {
        assertEquals("/a\\x0d\\x0aWARN forged\\x00", ClientErrors.printable("/a\r\nWARN forged\u0000"));
    }

    @Test
    void longTextIsCut() {
        assertEquals("x".repeat(ClientErrors.LOGGED_CHARS) + "...", ClientErrors.printable("x".repeat(5000)));
    }

    @Test
    void missingTextIsADash() {
        assertEquals("-", ClientErrors.printable(null));
    }
}
