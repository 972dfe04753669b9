package dev.evalbench.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat-completions server on loopback for the whole-process benchmark
 * ({@code docs/bench.sh e2e}): it answers every call after a fixed delay with a strict-JSON triage answer whose
 * category is the one the generated ticket names ("Filed under: billing."), so category accuracy is 1.0 and the
 * harness does the full work of a passing case. JDK classes only, so it starts fast and needs no class path.
 *
 * <p>Run: {@code java -cp target/test-classes dev.evalbench.bench.LoopbackChatServer DELAY_MS}. Prints
 * {@code port N} on stdout once listening, then serves until killed. Delayed answers are scheduled rather than
 * slept, so a handful of threads serve any concurrency without the server becoming what is measured. When it is
 * stopped (SIGTERM), it prints for the bench {@code calls N first_request_ms T last_answer_ms T}, the
 * wall clock (milliseconds since the epoch) of the first request it read and of the last answer it sent, which
 * split a run's wall time into the client's start, the calls and its finish; then {@code arrival_ms A} for every
 * request, in milliseconds after the first, in order, from which the bench reads how long the client took to
 * send its first wave of calls and how far apart its waves came.
 */
public final class LoopbackChatServer {
    private static final String MARK = "Filed under: ";
    private static final AtomicLong CALLS = new AtomicLong();
    private static final AtomicLong FIRST_REQUEST = new AtomicLong();
    private static final AtomicLong LAST_ANSWER = new AtomicLong();
    private static final Queue<Long> ARRIVALS = new ConcurrentLinkedQueue<>();

    private LoopbackChatServer() {}

    public static void main(String[] args) throws IOException {
        long delayMs = args.length > 0 ? Long.parseLong(args[0]) : 0;
        // The JDK server writes headers and body separately; with Nagle on, the body waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/chat/completions", exchange -> {
            long now = System.currentTimeMillis();
            FIRST_REQUEST.compareAndSet(0, now);
            CALLS.incrementAndGet();
            ARRIVALS.add(now);
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            byte[] answer = answerFor(body);
            if (delayMs <= 0) {
                send(exchange, answer);
            } else {
                timer.schedule(() -> send(exchange, answer), delayMs, TimeUnit.MILLISECONDS);
            }
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("calls " + CALLS.get() + " first_request_ms " + FIRST_REQUEST.get()
                    + " last_answer_ms " + LAST_ANSWER.get());
            StringBuilder arrivals = new StringBuilder();
            ARRIVALS.stream().sorted().forEach(at -> arrivals.append("arrival_ms ").append(at - FIRST_REQUEST.get()).append('\n'));
            System.out.print(arrivals);
            System.out.flush();
        }));
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    static byte[] answerFor(String requestBody) {
        int at = requestBody.indexOf(MARK);
        String category = "other";
        if (at >= 0) {
            int from = at + MARK.length();
            int to = from;
            while (to < requestBody.length() && Character.isLetter(requestBody.charAt(to))) to++;
            category = requestBody.substring(from, to);
        }
        String content = "{\\\"category\\\":\\\"" + category + "\\\",\\\"priority\\\":\\\"low\\\",\\\"action\\\":"
                + "\\\"reply\\\",\\\"order_id\\\":null,\\\"reply\\\":\\\"Thanks for writing; we are looking into it.\\\"}";
        return ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"bench-model\",\"choices\":"
                + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":180,\"completion_tokens\":40}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, byte[] answer) {
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            out.write(answer);
            LAST_ANSWER.accumulateAndGet(System.currentTimeMillis(), Math::max);
        } catch (IOException e) {
            // The client went away (a killed run); nothing to answer.
        } finally {
            exchange.close();
        }
    }
}
