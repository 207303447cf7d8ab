package dev.bookinfo.productpage.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserNamesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jason",
                "a",
                "alice.smith@example.com",
                "bob_the-builder",
                "J4S0N",
                "0123456789012345678901234567890123456789012345678901234567890123"
            })
    void loginAccepts(String name) {
        assertTrue(UserNames.isValidLogin(name), name);
        assertTrue(UserNames.isHeaderSafe(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "jason\r\nx-evil: 1",
                "jason\n",
                "jason\t",
                "jas\u0000on",
                "a b",
                "Zoë",
                "<b>",
                "jason;",
                "jason,bob",
                "01234567890123456789012345678901234567890123456789012345678901234",
                "jason\u2028",
                "ｊａｓｏｎ"
            })
    void loginRefuses(String name) {
        assertFalse(UserNames.isValidLogin(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jason Test", "j", "O'Brien (admin)", "jason; x=y"})
    void aProvidersDisplayNameMayHaveSpacesAndPunctuation(String name) {
        assertTrue(UserNames.isHeaderSafe(name), name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " jason",
                "jason ",
                "jason\r\nx-evil: 1",
                "jason\n",
                "jas\u0000on",
                "jason\u007f",
                "Zoë",
                "jason\u0085",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void headerSafeRefuses(String name) {
        assertFalse(UserNames.isHeaderSafe(name), name);
    }
}
