package dev.bookinfo.details.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** details v2 with nothing listening where Google Books should be. */
public class UnreachableGoogleBooksProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ENABLE_EXTERNAL_BOOK_SERVICE", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UnreachableGoogleBooks.class));
    }
}
