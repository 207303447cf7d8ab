package dev.bookinfo.productpage.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** productpage with sign-in through {@link OidcProviderStub}, backends on WireMock. */
public class OidcProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(BackendStubsResource.class), new TestResourceEntry(OidcProviderStub.class));
    }
}
