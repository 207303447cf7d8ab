package dev.bookinfo.productpage.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginFormTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "jason|jason",
                "j%61son|jason",
                "j+son|j son",
                "j%C3%A4son|j\u00e4son",
                "%zz|%zz",
                "a%|a%",
                "a%4|a%4",
                "%%41|%A",
                "%E2%82|\ufffd",
            })
    void decodesLikeWerkzeugKeepingBadEscapes(String encoded, String decoded) {
        assertEquals(decoded, LoginForm.decode(encoded));
    }

    @Test
    void firstFieldOfThatNameWins() {
        assertEquals("jason", LoginForm.field(FORM, "passwd=%zz&username=jason&username=bob", "username"));
    }

    @Test
    void fieldWithoutValueIsEmpty() {
        assertEquals("", LoginForm.field(FORM, "username&passwd=x", "username"));
    }

    @Test
    void contentTypeParametersAndCaseDoNotMatter() {
        assertEquals(
                "jason",
                LoginForm.field("Application/X-WWW-Form-Urlencoded; charset=UTF-8", "username=jason", "username"));
    }

    @Test
    void otherBodiesHaveNoFields() {
        assertNull(LoginForm.field("multipart/form-data; boundary=x", "username=jason", "username"));
        assertNull(LoginForm.field("application/json", "username=jason", "username"));
        assertNull(LoginForm.field(null, "username=jason", "username"));
        assertNull(LoginForm.field(FORM, null, "username"));
        assertNull(LoginForm.field(FORM, "", "username"));
    }
}
