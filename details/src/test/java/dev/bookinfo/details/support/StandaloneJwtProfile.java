package dev.bookinfo.details.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** details v1 in {@code JWT_MODE=standalone}, trusting the test issuer {@link JwtIssuer}. */
public class StandaloneJwtProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JwtIssuer.class));
    }
}
