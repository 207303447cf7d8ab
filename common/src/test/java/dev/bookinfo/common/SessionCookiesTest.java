package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    @Test
    void keepsOtherCookiesInOrder() {
        assertEquals("theme=dark; lang=en; user=jason", SessionCookies.strip("theme=dark; lang=en; user=jason"));
    }

    @Test
    void dropsTheOidcSessionAndItsSplitAndChunkedParts() {
        assertEquals(
                "theme=dark; lang=en",
                SessionCookies.strip(
                        "q_session=a; theme=dark; q_session_at=b; q_session_rt=c; q_session_chunk_1=d; q_session_at_chunk_2=e;"
                                + " lang=en"));
    }

    @Test
    void dropsSignInAndLogoutStateCookies() {
        assertEquals(
                "theme=dark",
                SessionCookies.strip(
                        "q_auth_0f5c6e5a-9a1b-4c58-b9a2-3a1c1b5d2e77=state|verifier; theme=dark; q_post_logout_x=y"));
    }

    @Test
    void dropsTheDemoSessionCookie() {
        assertEquals("theme=dark", SessionCookies.strip("session=v1.amFzb24.sig; theme=dark"));
    }

    @Test
    void cookieNamesAreCaseSensitiveSoOnlyTheExactNamesGo() {
        // A browser sends our cookies exactly as productpage set them; "Session" is somebody else's cookie.
        assertEquals("Session=x; sessions=y", SessionCookies.strip("Session=x; session=z; sessions=y"));
    }

    @Test
    void nothingLeftMeansNoHeader() {
        assertNull(SessionCookies.strip("session=a; q_session=b"));
        assertNull(SessionCookies.strip(" ; ;"));
        assertNull(SessionCookies.strip(null));
    }

    @Test
    void toleratesOddSpacingAndValuelessPairs() {
        assertEquals("a=1; flag; b=2", SessionCookies.strip("  a=1;session=x;flag ;  q_session =y; b=2 "));
    }

    @Test
    void aCommaBeforeTheNameDoesNotSmuggleASessionCookie() {
        // Netty's cookie decoder (Vert.x, so productpage and quarkus-oidc) skips commas and whitespace before a name:
        // it reads "x=1;,session=v" as the cookies x and session.
        assertEquals("x=1", SessionCookies.strip("x=1;,session=v"));
        assertEquals("x=1", SessionCookies.strip("x=1; , q_session_at=v"));
        assertNull(SessionCookies.strip(",session=v"));
        assertNull(SessionCookies.strip(",\t,q_auth_1=v"));
    }

    @Test
    void aPairThatOlderParsersSplitAtCommasGoesWhenAnyPartIsASessionCookie() {
        // RFC 2965 separated cookies with commas; a backend whose parser still does would read a session here.
        assertEquals("b=2", SessionCookies.strip("x=1, session=v; b=2"));
        assertEquals("b=2", SessionCookies.strip("b=2; x=1,q_session=v"));
        // A comma inside another cookie's value is left alone.
        assertEquals("list=a,b; theme=dark", SessionCookies.strip("list=a,b; session=v; theme=dark"));
    }
}
