package dev.evalbench.core.service;

import dev.evalbench.core.decide.PolicyDecider;
import dev.evalbench.core.eval.StrictOutputValidator;
import dev.evalbench.core.eval.SuiteCaseEvaluator;
import dev.evalbench.core.route.CacheMode;
import dev.evalbench.core.route.ProviderRegistry;
import dev.evalbench.core.route.RouteCaller;
import dev.evalbench.core.route.RouteCallers;
import dev.evalbench.core.route.RouterOptions;
import dev.evalbench.core.eval.judge.CaseJudge;
import dev.evalbench.core.run.CaseProcessor;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.store.UserCacheFolder;
import dev.evalbench.core.template.PebblePromptRenderer;
import dev.evalbench.core.template.PromptRenderer;
import dev.evalbench.core.workspace.DiskWorkspaceFiles;
import dev.evalbench.core.workspace.FileDigestCache;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.SnapshotWorkspaceFiles;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import dev.evalbench.core.workspace.WorkspaceLoader;
import dev.evalbench.core.template.WorkspaceValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one place that knows which implementation stands behind each core contract. Front ends and services
 * build their parts here, so swapping an implementation (a PostgreSQL store, another renderer) is one edit.
 */
public final class Components {
    private Components() {}

    /**
     * Loads a workspace folder as readers of {@code run} need it (gates, suites, policy, restricted values):
     * no case is rendered and no route will be called, so a route variable this shell lacks is no error; files
     * still byte for byte as the run was made from them (and checked then) are not checked line by line
     * again, so gating a large run right after making it costs no second validation of its datasets. Whether a
     * large file is still the run's is read from the digest kept for its unchanged file-system stamp, where one
     * is ({@link FileDigestCache}), rather than hashed again.
     *
     * @param run the run about to be read, or null (then every file is checked in full)
     */
    public static Workspace loadFor(Path dir, Map<String, String> env, RunHeader run) throws WorkspaceException {
        return WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(dir, fileDigests()), env,
                run == null || run.inputs() == null ? Map.of() : run.inputs());
    }

    /** Large workspace files' digests, kept in the user's cache folder ({@link FileDigestCache}). */
    private static FileDigestCache fileDigests() {
        return FileDigestCache.in(UserCacheFolder.current().resolve("digests"));
    }

    /** Loads a workspace folder and renders every case, so a missing variable is caught before a run. */
    public static Workspace loadChecked(Path dir, Map<String, String> env) throws WorkspaceException {
        // A run's record holds the digests of the bytes it read, hashed; kept for the readers that come after it.
        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(dir, fileDigests().rememberingOnly()), env);
        List<InputError> errors = WorkspaceValidator.check(ws, renderer());
        if (!errors.isEmpty()) throw new WorkspaceException(errors);
        return ws;
    }

    /** The workspace exactly as a run saw it, rebuilt from the run's stored snapshots, to call its routes again. */
    public static Workspace loadSnapshot(RunHeader header, RunStore store, Map<String, String> env)
            throws WorkspaceException, StoreException {
        return WorkspaceLoader.load(snapshotFiles(header, store), env, header.inputs());
    }

    /**
     * As {@link #loadSnapshot}, to read the run (gate it, mask what leaves the machine): a route variable this
     * environment lacks is no error, since nothing will be sent.
     */
    public static Workspace loadSnapshotForReading(RunHeader header, RunStore store, Map<String, String> env)
            throws WorkspaceException, StoreException {
        return WorkspaceLoader.loadForReading(snapshotFiles(header, store), env, header.inputs());
    }

    private static SnapshotWorkspaceFiles snapshotFiles(RunHeader header, RunStore store) throws StoreException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> input : header.inputs().entrySet()) {
            byte[] content = store.snapshot(input.getValue()).orElseThrow(() -> new StoreException(
                    "the history lacks the snapshot of " + input.getKey() + " for run " + header.id()));
            files.put(input.getKey(), content);
        }
        // The snapshot is the very bytes the run was made from, checked then: its datasets need no second check.
        // A store that checks each snapshot against its hash as it reads it vouches for the hashes too.
        return new SnapshotWorkspaceFiles("snapshot of run " + header.id(), files,
                store.verifiesSnapshots() ? header.inputs() : Map.of());
    }

    public static PromptRenderer renderer() {
        return new PebblePromptRenderer();
    }

    public static CaseProcessor processor(Workspace ws, Clock clock) {
        StrictOutputValidator validator = new StrictOutputValidator();
        PromptRenderer renderer = renderer();
        return new CaseProcessor(renderer, validator, new PolicyDecider(ws.policy()),
                new SuiteCaseEvaluator(ws.policy()), clock, new CaseJudge(renderer, validator, ws.routes()));
    }

    /** The provider kinds a run may use: every built-in one. */
    public static ProviderRegistry providers() {
        return ProviderRegistry.builtIn();
    }

    public static RouteCaller routeCaller(Workspace ws, Path workspaceDir, String cacheMode, Map<String, String> env,
                                          ProviderRegistry providers, Consumer<RunEvent> events) {
        if (!"off".equals(cacheMode)) {
            // The cache lives in <workspace>/.evalbench even when the history is elsewhere: keep it git-ignored.
            try {
                HistoryLocation.prepare(workspaceDir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + HistoryLocation.folder(workspaceDir), e);
            }
        }
        // Built only when a server's words are to be written (a route refused): it indexes every restricted value.
        java.util.function.Supplier<dev.evalbench.core.mask.OutboundMask> mask = OutboundMasks.later(List.of(ws), env);
        RouterOptions options = RouterOptions.defaults(workspaceDir, env)
                .withProviders(providers)
                .withCacheMode(CacheMode.parse(cacheMode))
                .withEvents(events)
                .withMasking(text -> mask.get().text(null, text));
        return RouteCallers.create(ws, options);
    }
}
