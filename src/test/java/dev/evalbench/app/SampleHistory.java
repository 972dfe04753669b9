package dev.evalbench.app;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A copy of the sample workspace with a real SQLite history, filled by the real {@link RunService} on the
 * sample's offline scripted route: what the view-model tests read. Close it to close the store.
 */
public final class SampleHistory implements AutoCloseable {
    /** The sample's scripted model gives exactly this many schema-invalid outputs over all its cases. */
    public static final int SCHEMA_INVALID = 2;

    public final Path workspace;
    public final Workspace ws;
    public final RunStore store;

    private SampleHistory(Path workspace, Workspace ws, RunStore store) {
        this.workspace = workspace;
        this.ws = ws;
        this.store = store;
    }

    public static SampleHistory in(Path temp) throws Exception {
        Path dir = temp.resolve("support-triage");
        dev.evalbench.cli.Cli.copyTree(Path.of("workspaces/support-triage"), dir);
        return of(dir);
    }

    /** The history of a copy of the sample that already exists (a {@link WorkbenchFixture}'s, before it starts). */
    public static SampleHistory of(Path dir) throws Exception {
        Workspace ws = Components.loadChecked(dir, Map.of());
        return new SampleHistory(dir, ws, SqliteRunStore.open(HistoryLocation.prepare(dir)));
    }

    /** The sample's capture {@code traffic/FILE} imported as a traffic run ({@code evalbench traffic import}). */
    public RunHeader importTraffic(String file, String... tags) throws Exception {
        return new dev.evalbench.core.service.TrafficImport(java.time.Clock.systemUTC()).importFile(
                workspace.resolve("traffic").resolve(file), ws, workspace, store, List.of(tags)).header();
    }

    /** {@code traffic}'s captured requests replayed on the offline route ({@code evalbench shadow}): the shadow run. */
    public RunHeader shadow(RunHeader traffic) throws Exception {
        return new dev.evalbench.core.service.ShadowService(new RunService(Clock.systemUTC(), Map.of()), Map.of())
                .shadow(traffic.id(), "offline", false, dev.evalbench.core.shadow.ShadowComparison.Margins.DEFAULTS, ws,
                        workspace, store, RunListener.NONE, new Cancellation(), null, null).shadow();
    }

    /** One complete run of every suite on the offline route. */
    public RunHeader run() throws Exception {
        return run(RunListener.NONE, new Cancellation());
    }

    public RunHeader run(RunListener listener, Cancellation cancellation) throws Exception {
        return run(List.of(), listener, cancellation);
    }

    /** One complete run of only these suites on the offline route ({@code run --suite}). */
    public RunHeader runSuites(String... suites) throws Exception {
        return run(List.of(suites), RunListener.NONE, new Cancellation());
    }

    /** One complete run of every suite on each of these routes ({@code run --route a,b}). */
    public RunHeader runRoutes(String... routes) throws Exception {
        RunConfig config = new RunConfig(List.of(routes), List.of(), 1, 4, "off");
        return new RunService(Clock.systemUTC(), Map.of())
                .run(ws, workspace, config, store, RunListener.NONE, new Cancellation());
    }

    /** One complete run of every suite on the offline route, stamped as started at {@code startedAt}. */
    public RunHeader runAt(java.time.Instant startedAt) throws Exception {
        return run(Clock.fixed(startedAt, java.time.ZoneOffset.UTC), List.of(), RunListener.NONE, new Cancellation());
    }

    private RunHeader run(List<String> suites, RunListener listener, Cancellation cancellation) throws Exception {
        return run(Clock.systemUTC(), suites, listener, cancellation);
    }

    private RunHeader run(Clock clock, List<String> suites, RunListener listener, Cancellation cancellation) throws Exception {
        RunConfig config = new RunConfig(List.of("offline"), suites, 1, 4, "off");
        return new RunService(clock, Map.of()).run(ws, workspace, config, store, listener, cancellation);
    }

    /**
     * A run of every suite on the offline route that the scripted model stops as it is asked for its
     * {@code calls}-th answer, as a user pressing Stop while that call is out: incomplete whatever the timing,
     * as the case of that call is cut short and stays planned for resume.
     */
    public RunHeader runStoppedAtCall(int calls) throws Exception {
        Cancellation stop = new Cancellation();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        dev.evalbench.core.provider.ProviderFactory scripted = new dev.evalbench.core.provider.scripted.ScriptedProviderFactory();
        dev.evalbench.core.route.ProviderRegistry providers = dev.evalbench.core.route.ProviderRegistry.builtIn()
                .with("scripted", (route, workspace, env) -> {
                    dev.evalbench.core.provider.ModelProvider model = scripted.create(route, workspace, env);
                    return request -> {
                        if (asked.incrementAndGet() == calls) {
                            stop.cancel();
                            throw new dev.evalbench.core.provider.ProviderException(
                                    dev.evalbench.core.record.FailureKind.CANCELLED, "route " + route.name() + ": stopped");
                        }
                        return model.complete(request);
                    };
                });
        RunConfig config = new RunConfig(List.of("offline"), List.of(), 1, 4, "off");
        return new RunService(Clock.systemUTC(), Map.of(), providers, dev.evalbench.core.run.WorkerPools.DAEMON)
                .run(ws, workspace, config, store, RunListener.NONE, stop);
    }

    /**
     * Adds a route "down" to {@code workspace}'s routes: an OpenAI-compatible server on a loopback port nothing
     * listens on, one attempt a call, as a provider's outage. Returns the environment that gives it its key.
     */
    public static Map<String, String> addRouteDown(Path workspace) throws java.io.IOException {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        java.nio.file.Files.writeString(workspace.resolve("routes.yaml"), "  down:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:" + closedPort + "/v1\n    model: m\n    api_key_env: DOWN_KEY\n"
                + "    retries: {max_attempts: 1}\n", java.nio.file.StandardOpenOption.APPEND);
        return Map.of("DOWN_KEY", "not-a-secret");
    }

    /** A run of every suite on route "down" ({@link #addRouteDown}): no case answered, the run left incomplete. */
    public RunHeader runOnRouteDown() throws Exception {
        Map<String, String> env = addRouteDown(workspace);
        RunConfig config = new RunConfig(List.of("down"), List.of(), 1, 4, "off");
        return new RunService(Clock.systemUTC(), env).run(Components.loadChecked(workspace, env), workspace, config, store,
                RunListener.NONE, new Cancellation());
    }

    /**
     * A run of every suite on the offline route whose judge grades on route "down" ({@link #addRouteDown}): the model
     * answers every case, the judge's route none, so the cases with an output to grade are left for resume.
     */
    public RunHeader runWithJudgeDown() throws Exception {
        Map<String, String> env = addRouteDown(workspace);
        Path manifest = workspace.resolve("evalbench.yaml");
        java.nio.file.Files.writeString(manifest,
                java.nio.file.Files.readString(manifest).replace("route: grader", "route: down"));
        RunConfig config = new RunConfig(List.of("offline"), List.of(), 1, 4, "off");
        return new RunService(Clock.systemUTC(), env).run(Components.loadChecked(workspace, env), workspace, config, store,
                RunListener.NONE, new Cancellation());
    }

    @Override
    public void close() throws Exception {
        store.close();
    }
}
