package dev.evalbench.bench;

import com.sun.net.httpserver.HttpServer;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.route.CacheMode;
import dev.evalbench.core.route.CallResult;
import dev.evalbench.core.route.RouteCallers;
import dev.evalbench.core.route.Router;
import dev.evalbench.core.route.RouterOptions;
import dev.evalbench.core.route.Traceparent;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of the router over real HTTP on loopback: an OpenAI-compatible server that answers every call
 * after 200 ms (JDK HttpServer, 128 handler threads, so the server is never the bottleneck), and
 * {@value #CALLS} calls through the router from {@value #CONCURRENCY} worker threads. Ideal wall time:
 * calls x 200 ms / concurrency = 3.125 s (the last, partial wave makes 3.200 s the true floor).
 * A warm-up of {@value #WARMUP} calls first opens the connections and warms the JIT. The router runs as a
 * run would: default options, cache read-write in a fresh temporary workspace folder (every call a miss).
 *
 * <p>Run: {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.evalbench.bench.RouterLoopbackBenchmark [-Dexec.args=off]} (an optional cache mode).
 * Prints one line; exits 0.
 */
public final class RouterLoopbackBenchmark {
    static final int CALLS = 1000;
    static final int CONCURRENCY = 64;
    static final int WARMUP = 640;
    static final long SERVER_DELAY_MS = 200;
    static final String ANSWER = "{\"id\":\"c\",\"model\":\"bench\",\"choices\":[{\"message\":{\"role\":\"assistant\","
            + "\"content\":\"{\\\"category\\\":\\\"billing\\\"}\"}}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5}}";

    public static void main(String[] args) throws Exception {
        // The JDK server writes headers and body separately; with Nagle on, the body waits for the client's
        // delayed ACK (~40 ms on Linux), a server artefact that would swamp what this measures.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService serverThreads = Executors.newFixedThreadPool(128);
        server.setExecutor(serverThreads);
        server.createContext("/v1/chat/completions", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                in.readAllBytes();
                Thread.sleep(SERVER_DELAY_MS);
                byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        RouteSpec route = new RouteSpec("bench", "openai", "bench-model", base, null, null, null, 10_000, null,
                List.of(), null, null, new RouteSpec.Price(0.15, 0.60));
        Workspace ws = new Workspace("bench", "", null, "bench", List.of(), "", List.of(), Map.of(),
                Map.of("bench", route), null, List.of(), Map.of());
        // The default cache mode (read-write) in a fresh folder: every call is a miss that is stored.
        Path workspaceRoot = Files.createTempDirectory("evalbench-bench");
        RouterOptions options = RouterOptions.defaults(workspaceRoot, Map.of());
        if (args.length > 0) {
            options = options.withCacheMode(CacheMode.parse(args[0]));
        }
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        try (Router router = RouteCallers.create(ws, options)) {
            run(router, workers, "warm-up", WARMUP);
            long start = System.nanoTime();
            List<CallResult> results = run(router, workers, "measured", CALLS);
            double wall = (System.nanoTime() - start) / 1e9;
            double ideal = CALLS * SERVER_DELAY_MS / 1000.0 / CONCURRENCY;
            long failures = results.stream().filter(r -> r.failure() != null).count();
            long hits = results.stream().filter(CallResult::cacheHit).count();
            long[] latencies = results.stream().mapToLong(r -> r.attempts().get(0).latencyMs()).sorted().toArray();
            System.out.printf(Locale.ROOT, "calls=%d concurrency=%d failures=%d cache_hits=%d wall=%.3f s ideal=%.3f s"
                            + " ratio=%.3f call latency p50=%d ms p95=%d ms max=%d ms%n",
                    CALLS, CONCURRENCY, failures, hits, wall, ideal, wall / ideal,
                    latencies[latencies.length / 2], latencies[latencies.length * 95 / 100], latencies[latencies.length - 1]);
        } finally {
            workers.shutdownNow();
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    private static List<CallResult> run(Router router, ExecutorService workers, String phase, int calls) throws Exception {
        List<Future<CallResult>> results = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            // distinct across phases too, so no measured call is answered from the cache
            String text = phase + " ticket " + i + ": I was charged twice for order ORD-" + (10000 + i);
            ModelRequest request = new ModelRequest("bench-model", List.of(new Message("user", text)), null, null,
                    Traceparent.header(Traceparent.newTraceId()), 10_000);
            results.add(workers.submit(() -> router.call("bench", request, false)));
        }
        List<CallResult> done = new ArrayList<>();
        for (Future<CallResult> f : results) {
            done.add(f.get());
        }
        return done;
    }
}
