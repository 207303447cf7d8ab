package dev.bookinfo.details.testing;

import dev.bookinfo.common.testing.ClosedPort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points Google Books at a local port that refuses every connection. */
public class UnreachableGoogleBooks implements QuarkusTestResourceLifecycleManager {

    private ClosedPort port;

    @Override
    public Map<String, String> start() {
        port = new ClosedPort();
        return Map.of("bookinfo.google-books.url", port.url());
    }

    @Override
    public void stop() {
        port.close();
    }
}
