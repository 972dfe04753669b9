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
        checkKeys(ws, header.config().routes());
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
     * Everything about a run request that can be found wrong before anything is written: {@link #checkConfig}
     * and an API key variable that a chosen route (or one of its fallbacks) names but the environment lacks.
     */
    public void check(Workspace ws, RunConfig config) throws WorkspaceException {
        checkConfig(ws, config);
        checkKeys(ws, config.routes());
    }

    private void checkKeys(Workspace ws, java.util.List<String> chosen) throws RequestException {
        for (String name : chosen) {
            MissingKey missing = missingKey(ws, name).orElse(null);
            if (missing == null) continue;
            // Found now, not as one MISSING_KEY failure per case: nothing is written for a run that cannot work. The
            // route the user named is what the message must mention, when a fallback is the one without its key.
            String via = missing.route().equals(name) ? "" : " (a fallback of route " + name + ")";
            throw new RequestException("route", name, "route " + missing.route() + via + " reads its API key from "
                    + missing.variable() + ", which is not set in the environment; set it where Evalbench starts (a local"
                    + " server takes any value), or choose another route");
        }
    }

    /** A route (the one named, or a fallback it reaches) whose API key variable is unset, and that variable. */
    public record MissingKey(String route, String variable) {}

    /**
     * The first route reached from {@code name} (itself, then its fallbacks, breadth first) whose API key variable is
     * unset or blank in this service's environment; empty when each has its key, or needs none. Pure.
     */
    public java.util.Optional<MissingKey> missingKey(Workspace ws, String name) {
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(java.util.List.of(name));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            var route = ws.routes().get(next);
            if (route == null || !seen.add(next)) continue;
            String variable = route.apiKeyEnv();
            String value = variable == null ? null : env.get(variable);
            if (variable != null && (value == null || value.isBlank())) {
                return java.util.Optional.of(new MissingKey(next, variable));
            }
            if (route.fallbacks() != null) todo.addAll(route.fallbacks());
        }
        return java.util.Optional.empty();
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
