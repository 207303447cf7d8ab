package dev.bookinfo.productpage.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts three WireMock servers on free ports and points the details, reviews and ratings REST clients
 * at them. Works for {@code @QuarkusTest} and, through system properties, for the packaged jar.
 */
public class BackendStubsResource implements QuarkusTestResourceLifecycleManager {

    private BackendStubs stubs;

    @Override
    public Map<String, String> start() {
        stubs = new BackendStubs(server(), server(), server());
        return Map.of(
                "quarkus.rest-client.details.url", stubs.details.baseUrl(),
                "quarkus.rest-client.reviews.url", stubs.reviews.baseUrl(),
                "quarkus.rest-client.ratings.url", stubs.ratings.baseUrl());
    }

    private static WireMockServer server() {
        WireMockServer server =
                new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                stubs, new TestInjector.AnnotatedAndMatchesType(InjectBackends.class, BackendStubs.class));
    }

    @Override
    public void stop() {
        if (stubs != null) {
            stubs.details.stop();
            stubs.reviews.stop();
            stubs.ratings.stop();
        }
    }
}
