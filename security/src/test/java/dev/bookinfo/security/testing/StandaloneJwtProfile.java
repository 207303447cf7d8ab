package dev.bookinfo.security.testing;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service in {@code JWT_MODE=standalone}, trusting the test issuer {@link JwtIssuer}. */
public class StandaloneJwtProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JwtIssuer.class));
    }
}
