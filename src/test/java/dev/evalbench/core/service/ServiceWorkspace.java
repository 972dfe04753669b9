package dev.evalbench.core.service;

import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.route.ProviderRegistry;
import dev.evalbench.core.run.WorkerPools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The minimal fixture workspace copied into a test folder, with one more route, {@code fake}. Its provider is
 * "ollama" (the workspace schema only admits shipped kinds) pointing at a closed port, and the test's
 * {@link ProviderRegistry} replaces that kind with a fake: so a case that succeeds proves the registry was
 * asked. The fake answers every request with one valid triage answer (right for case t001 only; the fixture has 3 triage cases and 2 probes) and records
 * the thread each call ran on.
 */
final class ServiceWorkspace {
    static final String ANSWER = "{\"category\":\"billing\",\"priority\":\"high\",\"action\":\"refund\","
            + "\"order_id\":\"ORD-10421\",\"reply\":\"We are on it.\"}";

    final Path dir;
    final List<String> callThreads = new CopyOnWriteArrayList<>();

    ServiceWorkspace(Path target) {
        this.dir = copyFixture(target);
        try {
            Files.writeString(dir.resolve("routes.yaml"), "  fake:\n    provider: ollama\n    model: fake-1\n    base_url: http://127.0.0.1:9\n"
                    + "    price: {input_per_mtok: 1.0, output_per_mtok: 2.0}\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ProviderFactory fakeKind() {
        return (route, ws, env) -> request -> {
            callThreads.add(Thread.currentThread().getName());
            return new ModelResponse(ANSWER, route.model(), 50, 20, 5, "req-" + callThreads.size());
        };
    }

    /** A run service with the fake kind in place of ollama, and one worker thread, "test-worker", per run. */
    RunService runService() {
        WorkerPools oneThread = (id, threads) -> Executors.newSingleThreadExecutor(r -> new Thread(r, "test-worker"));
        return new RunService(Clock.systemUTC(), Map.of(), ProviderRegistry.builtIn().with("ollama", fakeKind()), oneThread);
    }

    private static Path copyFixture(Path target) {
        Path source;
        try {
            source = Path.of(ServiceWorkspace.class.getResource("/fixtures/minimal-workspace").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
