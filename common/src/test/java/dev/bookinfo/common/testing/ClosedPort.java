package dev.bookinfo.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses every connection for as long as this object is open: a socket bound to it that never
 * listens holds the port, so nobody else can start listening there. A port taken with {@code new ServerSocket(0)}
 * and closed again is free for anyone to bind before the test uses it, and then it may answer.
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket holder = new Socket();

    public ClosedPort() {
        try {
            holder.setReuseAddress(false);
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return holder.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        try {
            holder.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
