package io.iotjobbridge.destination;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that must never be reached: it counts every TCP connection on a free port of every local address
 * (127.0.0.1 and ::1 alike) and closes it at once, whatever protocol the caller meant to speak, so an HTTPS attempt
 * counts as much as a plain HTTP request.
 */
public final class Decoy implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    private Decoy(ServerSocket socket) {
        this.socket = socket;
    }

    public static Decoy start() throws IOException {
        // the wildcard address, so loopback over IPv4 and IPv6 both land here
        Decoy decoy = new Decoy(new ServerSocket(0, 50, (InetAddress) null));
        Thread acceptor = new Thread(decoy::acceptAll, "decoy-" + decoy.port());
        acceptor.setDaemon(true);
        acceptor.start();
        return decoy;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket caller = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
