package dev.evalbench.core.service;

import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.run.RunEngine;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.run.WorkerPools;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.route.ProviderRegistry;
import dev.evalbench.core.route.RouteCaller;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Starts and resumes runs: the one service the CLI's {@code run}/{@code resume} and the workbench's run
 * launcher share. Blocks the calling thread for the length of the run (call it off the FX thread).
 * Bad input is a {@link WorkspaceException} before anything is written; a bad request field (route, suite,
 * repeat, concurrency, run) is a {@link RequestException}. Thread-safe: one service can serve many runs.
 */
public final class RunService {
    private final Clock clock;
    private final Map<String, String> env;
    private final ProviderRegistry providers;
    private final WorkerPools workers;

    /** Real providers (every built-in kind) on daemon worker threads. */
    public RunService(Clock clock, Map<String, String> env) {
        this(clock, env, Components.providers(), WorkerPools.DAEMON);
    }

    /**
     * @param clock     stamps runs and cases
     * @param env       where API keys are read from
     * @param providers the provider kinds routes may name (tests add a fake kind)
     * @param workers   makes each run's worker executor (tests pass a single-thread one)
     */
    public RunService(Clock clock, Map<String, String> env, ProviderRegistry providers, WorkerPools workers) {
        this.clock = clock;
        this.env = Map.copyOf(env);
        this.providers = providers;
        this.workers = workers;
    }

    public RunHeader run(Workspace ws, Path workspaceDir, RunConfig config, RunStore store, RunListener listener,
                         Cancellation cancellation) throws WorkspaceException, StoreException {
        checkConfig(ws, config);
        RunEventRelay relay = new RunEventRelay(store);
        try (RouteCaller caller = Components.routeCaller(ws, workspaceDir, config.cacheMode(), env, providers, relay)) {
            RunEngine engine = new RunEngine(store, Components.processor(ws, clock), clock, workers);
            return engine.start(ws, config, AppInfo.forWorkspace(workspaceDir), caller, relay.binding(listener), cancellation);
        }
    }

    /**
     * Finishes an incomplete run from the inputs it snapshotted, so edits made since do not leak into it.
     *
     * @throws WorkspaceException when the run is already complete or unknown
     */
    public RunHeader resume(String runRef, Path workspaceDir, RunStore store, Integer concurrency, RunListener listener,
                            Cancellation cancellation) throws WorkspaceException, StoreException {
        RunHeader header = RunLookup.header(store, runRef);
        if (header.status() == RunStatus.COMPLETE) {
            throw new RequestException("run", runRef, "run " + header.id() + " is already complete: nothing to resume");
        }
        if (header.status() == RunStatus.RUNNING) {
            throw new RequestException("run", runRef, "run " + header.id() + " is still running in process " + header.pid());
        }
        Workspace ws = Components.loadSnapshot(header, store, env);
        RunEventRelay relay = new RunEventRelay(store);
        try (RouteCaller caller = Components.routeCaller(ws, workspaceDir, header.config().cacheMode(), env, providers, relay)) {
            RunEngine engine = new RunEngine(store, Components.processor(ws, clock), clock, workers);
            // The concurrency of the resuming machine may differ; it changes speed, never results.
            RunHeader toRun = concurrency == null ? header : withConcurrency(header, concurrency);
            return engine.resume(toRun, ws, new AppInfo(header.appVersion(), header.gitCommit()), caller,
                    relay.binding(listener), cancellation);
        }
    }

    private static RunHeader withConcurrency(RunHeader h, int concurrency) throws WorkspaceException {
        if (concurrency < 1) throw new RequestException("concurrency", "must be at least 1");
        RunConfig c = h.config();
        return new RunHeader(h.id(), h.workspace(), h.workspacePath(),
                new RunConfig(c.routes(), c.suites(), c.repeat(), concurrency, c.cacheMode()), h.status(), h.startedAt(),
                h.finishedAt(), h.appVersion(), h.gitCommit(), h.inputs(), h.plannedCases(), h.pid(), h.tags());
    }

    /** Bad routes, suites or counts in a run request, found before anything is opened or written. */
    public static void checkConfig(Workspace ws, RunConfig config) throws WorkspaceException {
        for (String route : config.routes()) {
            if (!ws.routes().containsKey(route)) {
                throw new RequestException("route", "unknown route \"" + route
                        + "\" (routes in " + ws.files().describe() + ": " + String.join(", ", ws.routes().keySet()) + ")");
            }
        }
        for (String suite : config.suites()) {
            if (ws.suites().stream().noneMatch(s -> s.name().equals(suite))) {
                throw new RequestException("suite", "unknown suite \"" + suite + "\"");
            }
        }
        if (config.repeat() < 1) throw new RequestException("repeat", "must be at least 1");
        if (config.concurrency() < 1) throw new RequestException("concurrency", "must be at least 1");
    }
}
