package io.encore.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks for the local stack: a taken port is named in the error, never a bind stack trace. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago on {@code host} (for tests; fixed ports for the stack). */
    public static int free(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    /** {@code port}, or a free one when it is 0; fails with the setting's name when the port is taken. */
    public static int require(String host, int port, String setting) {
        if (port == 0) {
            return free(host);
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + host + " is already in use; choose another with "
                    + setting + " (or stop what holds it)", e);
        }
    }
}
