package dev.bookinfo.ratings.db;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A database that never answers: a port whose connections the kernel accepts but nobody reads or writes, like a
 * host behind a firewall that drops packets or a hung server. Runs ratings v2 against it, on MySQL with the init
 * argument {@code db=mysql}, on MongoDB otherwise. Only the service's own timeouts can end such a wait.
 */
public class SilentServerResource implements QuarkusTestResourceLifecycleManager {

    private String db = "mongodb";
    private ServerSocket socket;

    @Override
    public void init(Map<String, String> initArgs) {
        db = initArgs.getOrDefault("db", db);
    }

    @Override
    public Map<String, String> start() {
        try {
            socket = new ServerSocket(FreePort.pick(), 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = Integer.toString(socket.getLocalPort());
        if ("mysql".equals(db)) {
            return Map.of(
                    "SERVICE_VERSION",
                    "v2",
                    "DB_TYPE",
                    "mysql",
                    "MYSQL_DB_HOST",
                    "127.0.0.1",
                    "MYSQL_DB_PORT",
                    port,
                    "MYSQL_DB_USER",
                    MariaDb.USER,
                    "MYSQL_DB_PASSWORD",
                    MariaDb.PASSWORD);
        }
        return Map.of("SERVICE_VERSION", "v2", "MONGO_DB_URL", "mongodb://127.0.0.1:" + port + "/test");
    }

    @Override
    public void stop() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing at the end of the test class
        }
    }
}
