package dev.bookinfo.security.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service in {@code JWT_MODE=standalone}, trusting the test issuer {@link JwtIssuer}. */
public class StandaloneJwtProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JwtIssuer.class));
    }
}
