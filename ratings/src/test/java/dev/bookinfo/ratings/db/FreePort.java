package dev.bookinfo.ratings.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free TCP port for a database server the tests start, from 20000-31999: below the kernel's ephemeral range, so
 * no outgoing connection can take it between the pick and the server's bind.
 */
final class FreePort {

    private FreePort() {}

    static int pick() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 32000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 20000-31999");
    }
}
