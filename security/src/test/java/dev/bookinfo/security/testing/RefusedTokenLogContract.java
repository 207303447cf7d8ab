package dev.bookinfo.security.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookinfo.common.testing.LogCapture;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code JWT_MODE=standalone}: what a refused token writes to the log, whatever the service. A service's
 * {@code @QuarkusTest} in standalone mode extends this with one of its protected paths. In-process only (it listens
 * to the application's logger), so no {@code @QuarkusIntegrationTest} runs it.
 */
public abstract class RefusedTokenLogContract {

    private final String protectedPath;

    /** @param protectedPath a GET path of the service's API, such as {@code /details/0} */
    protected RefusedTokenLogContract(String protectedPath) {
        this.protectedPath = protectedPath;
    }

    static Stream<Arguments> tokensThatForgeLogLines() {
        return Stream.of(
                Arguments.of("forged critical header", (Supplier<String>) JwtIssuer::tokenWithAForgedCriticalHeader),
                Arguments.of("forged issuer", (Supplier<String>) JwtIssuer::tokenOfAForgedIssuer));
    }

    /**
     * The refusal of a token is one WARN line that quotes what was wrong with it, but a client's text in it (a claim,
     * a header, the path, a 19 KB {@code x-request-id} with C1's CSI in it) is escaped and cut: no control character
     * reaches the log, so no line of the client's own, no colours, and no 19 KB per request.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensThatForgeLogLines")
    void aRefusedTokenIsLoggedOnOneEscapedShortLine(String name, Supplier<String> token) {
        String requestId = "\u009b2J" + "r".repeat(19_000);
        LogCapture log = LogCapture.of("dev.bookinfo.security.AccessTokenFilter");
        try (log) {
            RawRequest.Answer answer = RawRequest.getWithHeaders(
                    protectedPath, List.of("Authorization: Bearer " + token.get(), "x-request-id: " + requestId));
            assertEquals(401, answer.status(), answer::toString);
        }
        List<ExtLogRecord> warnings = log.atLeast(Level.WARNING);
        assertEquals(1, warnings.size(), () -> warnings.toString());
        String line = warnings.getFirst().getFormattedMessage();
        assertFalse(line.chars().anyMatch(Character::isISOControl), line);
        assertTrue(line.contains("\\x1b[31mRED\\x0d\\x0a2026-12-06"), "the forged text, escaped: " + line);
        assertTrue(line.contains("[x-request-id=\\x9b2Jrrr"), line);
        assertTrue(line.length() < 600, line.length() + " characters: " + line);
        // JSON logs print the log context's request id with every line of the request: it is cut there too.
        Object logged = warnings.getFirst().getMdc("requestId");
        assertTrue(logged == null || logged.toString().length() < 100, () -> "requestId in the log context: " + logged);
    }
}
