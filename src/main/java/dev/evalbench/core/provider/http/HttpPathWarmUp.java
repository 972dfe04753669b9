package dev.evalbench.core.provider.http;

import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.workspace.RouteSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * One model call through the path a run's HTTP routes take (an OpenAI-compatible route's provider, its endpoint
 * and transport, OkHttp, okio and Kotlin's runtime beneath them) to a server this class runs on the loopback
 * interface for that one call. Its only use is to load those classes where a class archive is being made
 * ({@code dev.evalbench.ClassArchive}): an archive made by a run of an offline route (the sample's) otherwise
 * lacks them, and every later run of a real model loaded about 200 classes from the jar, parsing and verifying
 * each (docs/performance.md, round 32).
 *
 * <p>Nothing leaves the machine: the server listens on the loopback address only, the client is told to use no
 * proxy and no environment is read, so no key is sent (the request carries none). Bounded: the server waits
 * {@value #TIMEOUT_MS} ms for the call and the call as long. Not thread-safe; call it from one thread.
 */
public final class HttpPathWarmUp {
    static final int TIMEOUT_MS = 2_000;
    private static final String ANSWER = "{\"id\":\"warm-up\",\"object\":\"chat.completion\",\"model\":\"warm-up\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"{}\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}";

    private HttpPathWarmUp() {}

    /**
     * Makes the call and returns what the provider made of the server's answer.
     *
     * @throws IOException if the loopback server cannot listen
     * @throws ProviderException if the call failed as a run's call would (refused, timed out, unreadable)
     */
    public static ModelResponse callOnce() throws IOException, ProviderException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(TIMEOUT_MS);
            Thread answering = new Thread(() -> answerOnce(server), "evalbench-http-warm-up");
            answering.setDaemon(true);
            answering.start();
            OkHttpClient client = HttpClients.newBuilder().proxy(Proxy.NO_PROXY).build();
            try {
                String base = "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/v1";
                RouteSpec route = new RouteSpec("warm-up", OpenAiCompatibleProvider.NAME, "warm-up", base, null, null,
                        null, TIMEOUT_MS, null, List.of(), null, null, null);
                return OpenAiCompatibleProvider.factory(client, Clock.systemUTC()).create(route, null, Map.of())
                        .complete(new ModelRequest("warm-up", List.of(new Message("user", "{}")), null, null, null, TIMEOUT_MS));
            } finally {
                HttpClients.shutdown(client);
            }
        }
    }

    /** Accepts one connection, reads one request (head and declared body) and answers it; gives up quietly. */
    private static void answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(TIMEOUT_MS);
            readRequest(socket.getInputStream());
            byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // The caller's call fails or times out and says so; nothing to add here.
        }
    }

    /** Reads a request's head (up to its blank line) and as many body bytes as its Content-Length says. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        int b;
        while (lastFour != 0x0d0a0d0a && (b = in.read()) >= 0) {
            head.write(b);
            lastFour = (lastFour << 8) | b;
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Long.parseLong(line.substring(15).trim());
        }
        in.skipNBytes(length);
    }
}
