package dev.evalbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JVM default {@link ProxySelector} that records every destination it is asked about, as
 * {@code scheme://host:port}. Two layers ask it: HTTP clients that honour the default selector (OkHttp, which
 * takes it when a client is built without an explicit proxy; {@code URLConnection}) ask with the request's
 * {@code http}/{@code https} URI, and every {@code java.net.Socket} connect in the JVM asks with a
 * {@code socket://} URI (the JDK's socket implementation looks for a SOCKS proxy there), whoever opens it.
 * The one allowed {@code host:port} goes direct; any other is sent to a proxy (HTTP or SOCKS, as the asker
 * understands) on a closed loopback port, so such a connection is refused at once instead of leaving the
 * machine. Not covered: NIO {@code SocketChannel}s, which never ask. Thread-safe. Install with
 * {@link #install}; {@link #close} puts the previous default back.
 */
final class RecordingProxySelector extends ProxySelector implements AutoCloseable {
    private final String allowed;
    private final Proxy httpTrap;
    private final Proxy socksTrap;
    private final ProxySelector previous;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private RecordingProxySelector(String allowed, ProxySelector previous) {
        this.allowed = allowed;
        this.previous = previous;
        InetSocketAddress closed = new InetSocketAddress("127.0.0.1", closedPort());
        this.httpTrap = new Proxy(Proxy.Type.HTTP, closed);
        this.socksTrap = new Proxy(Proxy.Type.SOCKS, closed);
    }

    /** Becomes the JVM default; {@code allowedHostPort} is e.g. "localhost:53211". */
    static RecordingProxySelector install(String allowedHostPort) {
        RecordingProxySelector selector = new RecordingProxySelector(allowedHostPort, ProxySelector.getDefault());
        ProxySelector.setDefault(selector);
        return selector;
    }

    /** Every destination asked about, in order, as "scheme://host:port". */
    List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public List<Proxy> select(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        String destination = uri.getHost() + ":" + port;
        asked.add(uri.getScheme() + "://" + destination);
        if (destination.equals(allowed)) return List.of(Proxy.NO_PROXY);
        return List.of("socket".equals(uri.getScheme()) ? socksTrap : httpTrap);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to learn: select() already recorded the destination.
    }

    @Override
    public void close() {
        ProxySelector.setDefault(previous);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
