package dev.bookinfo.details.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * {@code ENABLE_EXTERNAL_BOOK_SERVICE=True}: upstream only switches v2 on for the exact string {@code true}. Google
 * Books is stubbed so that a wrongly enabled v2 would answer something other than the built-in book.
 */
public class NotExactlyTrueProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ENABLE_EXTERNAL_BOOK_SERVICE", "True");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GoogleBooksStub.class));
    }
}
