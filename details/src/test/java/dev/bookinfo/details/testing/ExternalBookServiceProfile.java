package dev.bookinfo.details.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * details v2 against the {@link GoogleBooksStub}, switched on through upstream's own env var name, with a read
 * timeout short enough for a test (the default of 5 s is asserted separately).
 */
public class ExternalBookServiceProfile implements QuarkusTestProfile {

    /** Shortened read timeout; the slow-Google test waits longer than this. */
    public static final int READ_TIMEOUT_MS = 2500;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ENABLE_EXTERNAL_BOOK_SERVICE", "true", "bookinfo.google-books.read-timeout", READ_TIMEOUT_MS + "ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GoogleBooksStub.class));
    }
}
