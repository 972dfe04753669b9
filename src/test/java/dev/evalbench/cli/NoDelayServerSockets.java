package dev.evalbench.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have TCP_NODELAY set, for a MockWebServer in tests that make
 * hundreds of calls. Without it a response written in two parts waits for the client's delayed ACK
 * (Nagle's algorithm), about 40 ms per call on Linux. Stateless.
 */
final class NoDelayServerSockets extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        return bound(port, 50, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        return bound(port, backlog, null);
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        return bound(port, backlog, address);
    }

    private static ServerSocket bound(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket socket = new NoDelayServerSocket();
        socket.bind(new InetSocketAddress(address, port), backlog);
        return socket;
    }

    private static final class NoDelayServerSocket extends ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
