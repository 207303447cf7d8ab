package dev.bookinfo.reviews.testing;

import dev.bookinfo.common.testing.ClosedPort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the ratings client at a local port that refuses every call, as when ratings is down. */
public class ClosedPortRatings implements QuarkusTestResourceLifecycleManager {

    private ClosedPort port;

    @Override
    public Map<String, String> start() {
        port = new ClosedPort();
        return Map.of("quarkus.rest-client.ratings.url", port.url());
    }

    @Override
    public void stop() {
        port.close();
    }
}
