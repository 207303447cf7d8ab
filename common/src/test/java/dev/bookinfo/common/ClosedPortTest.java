package dev.bookinfo.common;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bookinfo.common.testing.ClosedPort;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ClosedPortTest {

    @Test
    void refusesConnections() {
        try (ClosedPort closed = new ClosedPort();
                Socket client = new Socket()) {
            assertThrows(
                    ConnectException.class,
                    () -> client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed.port()), 5000));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A server socket (SO_REUSEADDR on, as Java and most servers set it) cannot take the port while it is held. */
    @Test
    void nobodyCanListenOnItWhileItIsOpen() {
        try (ClosedPort closed = new ClosedPort()) {
            assertThrows(IOException.class, () -> {
                try (ServerSocket server = new ServerSocket()) {
                    server.setReuseAddress(true);
                    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed.port()));
                }
            });
        }
    }
}
