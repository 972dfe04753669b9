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
import dev.evalbench.core.text.NearestNames;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
    private final RouteReadiness readiness;

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
        this.readiness = new RouteReadiness(this.env);
    }

    public RunHeader run(Workspace ws, Path workspaceDir, RunConfig config, RunStore store, RunListener listener,
                         Cancellation cancellation) throws WorkspaceException, StoreException {
        return run(ws, workspaceDir, config, store, listener, cancellation, dev.evalbench.core.record.RunKind.EVAL);
    }

    /** As {@link #run(Workspace, Path, RunConfig, RunStore, RunListener, Cancellation)}, stored as a run of {@code kind}. */
    public RunHeader run(Workspace ws, Path workspaceDir, RunConfig config, RunStore store, RunListener listener,
                         Cancellation cancellation, dev.evalbench.core.record.RunKind kind) throws WorkspaceException, StoreException {
        check(ws, config);
        config = config.withEverySuiteAsAll(ws.suites().stream().map(s -> s.name()).toList());
        RunEventRelay relay = new RunEventRelay(store);
        try (RouteCaller caller = Components.routeCaller(ws, workspaceDir, config.cacheMode(), env, providers, relay)) {
            RunEngine engine = new RunEngine(store, Components.processor(ws, clock), clock, workers);
            return engine.start(ws, config, AppInfo.forWorkspace(workspaceDir), caller, relay.binding(listener), cancellation, kind);
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
        readiness.check(ws, header.config());
        RecordedRoutes.check(header, ws, store);
        RunEventRelay relay = new RunEventRelay(store);
        try (RouteCaller caller = Components.routeCaller(ws, workspaceDir, header.config().cacheMode(), env, providers, relay)) {
            RunEngine engine = new RunEngine(store, Components.processor(ws, clock), clock, workers);
            // The concurrency of the resuming machine may differ; it changes speed, never results.
            RunHeader toRun = concurrency == null ? header : withConcurrency(header, concurrency);
            return engine.resume(toRun, ws, new AppInfo(header.appVersion(), header.gitCommit()), caller,
                    relay.binding(listener), cancellation);
        }
    }

    /**
     * The folder a resume works in (response cache, replay recordings) when the request named only a history
     * file: the workspace the run was started in, when it is still there, else the folder holding the history.
     */
    public static Path resumeFolder(RunHeader header, Path db) {
        if (header.workspacePath() != null) {
            Path started = Path.of(header.workspacePath());
            if (java.nio.file.Files.isDirectory(started)) return started;
        }
        Path parent = db.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".");
    }

    private static RunHeader withConcurrency(RunHeader h, int concurrency) throws WorkspaceException {
        if (concurrency < 1) throw new RequestException("concurrency", "must be at least 1");
        RunConfig c = h.config();
        return new RunHeader(h.id(), h.workspace(), h.workspacePath(),
                new RunConfig(c.routes(), c.suites(), c.repeat(), concurrency, c.cacheMode(), c.tags(), c.caseIds()), h.status(), h.startedAt(),
                h.finishedAt(), h.appVersion(), h.gitCommit(), h.inputs(), h.plannedCases(), h.pid(), h.tags(), h.kind());
    }

    /**
     * Everything about a run request that can be found wrong before anything is written: {@link #checkConfig}, and
     * a variable that a route the run reaches (chosen, a judge's, or a fallback of either) needs but the
     * environment lacks ({@link #missingVariable}).
     */
    public void check(Workspace ws, RunConfig config) throws WorkspaceException {
        checkConfig(ws, config);
        readiness.check(ws, config);
    }

    /**
     * A route (the one named, or a fallback it reaches) that needs a variable the environment lacks: {@code variable},
     * for {@code need} ("its API key", "its header X-Org", "its base_url").
     */
    public record MissingVariable(String route, String variable, String need) {}

    /**
     * The first route reached from {@code name} (itself, then its fallbacks, breadth first) that needs a variable
     * unset or blank in this service's environment: its API key's, a secret header's, or one its settings take
     * ({@link Workspace#unsetVariables}); empty when each has what it needs. Pure.
     */
    public java.util.Optional<MissingVariable> missingVariable(Workspace ws, String name) {
        return readiness.missing(ws, name);
    }

    /** Bad routes, suites or counts in a run request, found before anything is opened or written. */
    public static void checkConfig(Workspace ws, RunConfig config) throws WorkspaceException {
        for (String route : config.routes()) {
            if (!ws.routes().containsKey(route)) {
                throw new RequestException("route", "unknown route \"" + route + "\" (" + NearestNames.didYouMean(route, ws.routes().keySet())
                        + "routes in " + ws.files().describe() + ": " + String.join(", ", ws.routes().keySet()) + ")");
            }
        }
        for (String suite : config.suites()) {
            if (ws.suites().stream().noneMatch(s -> s.name().equals(suite))) {
                List<String> names = ws.suites().stream().map(s -> s.name()).toList();
                throw new RequestException("suite", "unknown suite \"" + suite + "\" (" + NearestNames.didYouMean(suite, names)
                        + "suites: " + String.join(", ", names) + ")");
            }
        }
        SliceCheck.check(ws, config);
        if (config.repeat() < 1) throw new RequestException("repeat", "must be at least 1");
        if (config.concurrency() < 1) throw new RequestException("concurrency", "must be at least 1");
    }
}
