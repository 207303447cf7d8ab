package dev.bookinfo.reviews.testing;

import dev.bookinfo.security.testing.JwtIssuer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** reviews-v2 in {@code JWT_MODE=standalone}, trusting the test issuer {@link JwtIssuer}, ratings on WireMock. */
public class StandaloneJwtProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ENABLE_RATINGS", "true", "HOSTNAME", Profiles.V2.HOSTNAME);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockRatings.class), new TestResourceEntry(JwtIssuer.class));
    }
}
