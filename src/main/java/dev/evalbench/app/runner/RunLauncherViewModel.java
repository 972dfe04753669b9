package dev.evalbench.app.runner;

import dev.evalbench.core.record.RunEvent;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.history.HistoryStore;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.CoalescingListener;
import dev.evalbench.core.run.ProgressSnapshot;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.EditsSinceRun;
import dev.evalbench.core.service.RequestException;
import dev.evalbench.core.service.RevisionReuse;
import dev.evalbench.core.service.RunAgain;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.text.Listed;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run launcher: which routes (several at once), suites (none chosen: every suite), concurrency, repeat and
 * cache mode; starting and resuming runs through {@link RunService} on the task runner. Each run reports
 * through the core's {@link CoalescingListener} (a few snapshots a second, never one per case) into its own
 * {@link RunProgress}; runs started while another runs go alongside it, each under its own id, so neither
 * touches the other's records. Never touches controls; UI thread only.
 */
public final class RunLauncherViewModel {
    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> store;
    private final HistoryStore.Holds holds;
    private final Supplier<Path> folder;
    private final RunService service;
    private final ObservableList<String> routes = FXCollections.observableArrayList();
    private final ObservableList<String> chosenRoutes = FXCollections.observableArrayList();
    private final ObservableList<String> suites = FXCollections.observableArrayList();
    private final ObservableList<String> chosenSuites = FXCollections.observableArrayList();
    private final IntegerProperty concurrency = new SimpleIntegerProperty(this, "concurrency", 4);
    private final IntegerProperty repeat = new SimpleIntegerProperty(this, "repeat", 1);
    private final StringProperty cacheMode = new SimpleStringProperty(this, "cacheMode", "read-write");
    private final ObservableList<RunProgress> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunProgress> current = new ReadOnlyObjectWrapper<>(this, "current");
    /** Why a run is refused while the workspace does not load; withdrawn once it loads again. */
    static final String HAS_PROBLEMS = "The workspace has problems: fix them before running (see Problems).";
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper going = new ReadOnlyBooleanWrapper(this, "going", false);
    private final Map<RunProgress, CoalescingListener> listening = new ConcurrentHashMap<>();
    private Workspace workspace;
    private Consumer<RunHeader> onStarted = h -> {};
    private BiConsumer<RunProgress, RunHeader> onEnded = (p, h) -> {};
    private Supplier<java.util.Collection<String>> unsavedFiles = List::of;
    /** By route: the API key variable it (or a fallback) reads that is unset here, in words; none for a route with its keys. */
    private final Map<String, String> keyNotes = new java.util.HashMap<>();

    /**
     * @param store  the history runs are stored in (called in task bodies)
     * @param folder the open workspace folder (caches and relative paths resolve against it)
     */
    public RunLauncherViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store, Supplier<Path> folder,
                                RunService service) {
        this(runner, store, dir -> HistoryStore.Held.of(store.get()), folder, service);
    }

    /**
     * @param holds the history of a run's workspace folder, held open from the run's start to its end (another
     *              workspace may be opened meanwhile: the run goes on in its own)
     */
    public RunLauncherViewModel(TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store, HistoryStore.Holds holds,
                                Supplier<Path> folder, RunService service) {
        this.runner = runner;
        this.store = store;
        this.holds = holds;
        this.folder = folder;
        this.service = service;
    }

    /**
     * The workspace runs are made of (null while it has problems); keeps the chosen routes and suites it still has.
     * While it has problems the choices stay as they were (the template being fixed will run on the same routes).
     */
    public void setWorkspace(Workspace ws) {
        this.workspace = ws;
        if (ws == null) {
            routes.clear();
            suites.clear();
            return;
        }
        // Fixed: the refusal no longer holds (it stayed in the status bar beside "Problems (0)").
        if (HAS_PROBLEMS.equals(problem.get())) problem.set("");
        List<String> keepRoutes = new ArrayList<>(chosenRoutes);
        List<String> keepSuites = new ArrayList<>(chosenSuites);
        // Before the routes: their menu is filled from both when they change.
        keyNotes.clear();
        for (String route : ws.routes().keySet()) {
            service.missingVariable(ws, route).ifPresent(m -> keyNotes.put(route, (m.route().equals(route) ? ""
                    : "its fallback " + m.route() + ": ") + m.variable() + " not set"));
        }
        routes.setAll(List.copyOf(ws.routes().keySet()));
        suites.setAll(ws.suites().stream().map(SuiteSpec::name).toList());
        keepRoutes.retainAll(routes);
        if (keepRoutes.isEmpty() && ws.defaultRoute() != null) keepRoutes.add(ws.defaultRoute());
        chosenRoutes.setAll(keepRoutes);
        keepSuites.retainAll(suites);
        chosenSuites.setAll(keepSuites);
    }

    /**
     * Choices remembered from an earlier session: chosen now among the routes and suites the workspace has, or,
     * while none is set, once it is.
     */
    public void remember(List<String> routes, List<String> suites) {
        chosenRoutes.setAll(routes);
        chosenSuites.setAll(suites);
        if (workspace != null) setWorkspace(workspace);
    }

    /** Ctrl+R: starts a run of the chosen routes and suites; null (and {@link #problemProperty}) when refused. */
    public RunProgress run() {
        Workspace ws = workspace;
        if (ws == null) return refuse(HAS_PROBLEMS);
        RunConfig config = new RunConfig(List.copyOf(chosenRoutes), List.copyOf(chosenSuites), repeat.get(),
                concurrency.get(), cacheMode.get());
        if (config.routes().isEmpty()) return refuse("Choose at least one route to run.");
        return startChecked(ws, config);
    }

    /**
     * Runs the one case {@code caseId} of {@code suite} on the chosen routes with the launcher's repeat, concurrency and
     * cache mode: the editor's "Run case", the template's preview case, to see what the model makes of it without
     * running the suites whole. Null (and {@link #problemProperty}) when refused.
     */
    public RunProgress runCase(String suite, String caseId) {
        Workspace ws = workspace;
        if (ws == null) return refuse(HAS_PROBLEMS);
        RunConfig config = new RunConfig(List.copyOf(chosenRoutes), List.of(suite), repeat.get(), concurrency.get(),
                cacheMode.get(), List.of(), List.of(caseId));
        if (config.routes().isEmpty()) return refuse("Choose at least one route to run.");
        return startChecked(ws, config);
    }

    /**
     * Runs {@code cases} of stored run {@code runId} again against the workspace as it is now (the results tab's
     * "Rerun failing"): on the routes and with the repeat that run used, the launcher's concurrency and cache mode
     * ({@link RunAgain}). Reads the run's header off the UI thread, then starts as {@link #run} does; a refusal
     * lands in {@link #problemProperty}. {@code cases} empty: nothing happens.
     */
    public void runAgain(String runId, List<CaseKey> cases) {
        if (cases.isEmpty()) return;
        if (workspace == null) {
            refuse(HAS_PROBLEMS);
            return;
        }
        List<CaseKey> asked = List.copyOf(cases);
        BackgroundTask.of(() -> store.get().run(runId))
                .onSuccess(header -> {
                    if (header.isEmpty()) {
                        refuse("Run " + runId + " is no longer in the history.");
                    } else if (workspace != null) {
                        try {
                            startChecked(workspace, RunAgain.of(header.get(), asked, concurrency.get(), cacheMode.get()));
                        } catch (RequestException e) {
                            refuse(Character.toUpperCase(e.reason().charAt(0)) + e.reason().substring(1) + ".");
                        }
                    }
                })
                .onFailure(e -> refuse("Cannot read run " + runId + ": " + e.getMessage()))
                .executeWith(runner);
    }

    /** Starts a run of {@code config} once the service accepts it; null (and the reason) when it does not. */
    private RunProgress startChecked(Workspace ws, RunConfig config) {
        try {
            // The keys too: a route whose key variable is unset is refused here, before a run is started and
            // shown as failed (the command line refuses it the same way, exit 2).
            service.check(ws, config);
        } catch (RequestException e) {
            // Case ids come from a stored run's cases (Rerun failing): one that left the dataset since is named.
            if (e.field().equals("caseIds")) {
                return refuse("Case " + e.value() + " is no longer in the suites it ran: rerun the cases still there, or run the suites whole.");
            }
            return refuse(e.reason().startsWith(e.field() + " ") ? e.reason() : e.field() + ": " + e.reason());
        } catch (WorkspaceException e) {
            return refuse(e.getMessage());
        }
        Path dir = folder.get();
        // Read here, on the UI thread, as the run starts: edits typed after this are not in it either way.
        String unsaved = unsavedWarning(unsavedFiles.get());
        return start(dir, CoalescingListener.tagsOf(ws), (history, listener, cancel, warn) -> {
            // The status line holds one line: every warning in it, the first first.
            List<String> warnings = new ArrayList<>();
            if (unsaved != null) warnings.add(unsaved);
            warnings.addAll(RevisionReuse.warnings(ws, history));
            if (!warnings.isEmpty()) warn.accept("Warning: " + String.join("; and ", warnings));
            return service.run(ws, dir, config, history, listener, cancel);
        });
    }

    /**
     * The warning for a run started while {@code files} have unsaved edits in the window, or null when none has: the
     * run is made of the files as saved (a run records revisions, and an unsaved text has none), so an author who
     * pressed Ctrl+R straight after typing would otherwise read the run as the verdict on the edit.
     */
    static String unsavedWarning(java.util.Collection<String> files) {
        if (files.isEmpty()) return null;
        String named = Listed.inWords(List.copyOf(files));
        // What and whose first: the status line is cut at the window's width.
        return "unsaved edits to " + named + " are not in this run: it is of the files as saved (Ctrl+S saves them as a"
                + " new revision)";
    }

    /**
     * Where the launcher learns which of the workspace's files have unsaved edits in the window, asked on the UI
     * thread as each run of the workspace starts (not a resume, which runs its stored inputs).
     */
    public void setUnsavedFiles(Supplier<java.util.Collection<String>> unsavedFiles) {
        this.unsavedFiles = unsavedFiles;
    }

    /**
     * Finishes an incomplete run from its stored inputs (the history's Resume); the status line warns of the workspace's
     * files edited since the run started, which it does not use.
     */
    public RunProgress resume(String runId) {
        Path dir = folder.get();
        Workspace ws = workspace;
        return start(dir, ws == null ? key -> List.of() : CoalescingListener.tagsOf(ws), (history, listener, cancel, warn) -> {
            // An edit made since (a route's model fixed after the server refused it) is not in the resumed cases: say so.
            String edits = history.run(runId).map(header -> EditsSinceRun.note(header, ws)).orElse(null);
            if (edits != null) warn.accept("Warning: " + edits);
            return service.resume(runId, dir, history, null, listener, cancel);
        });
    }

    private RunProgress refuse(String why) {
        // Said again when it is the same as last time: the window shows a problem as it changes.
        problem.set("");
        problem.set(why);
        return null;
    }

    /**
     * The body of a run: blocks its task thread until the run ends. {@code warn} takes a line for the status
     * line, shown once the run has started (starting clears the status line).
     */
    private interface RunBody {
        RunHeader run(RunStore history, RunListener listener, Cancellation cancellation, Consumer<String> warn) throws Exception;
    }

    /** Starts {@code body} on the task runner, in the history of workspace folder {@code dir}, held to its end. */
    private RunProgress start(Path dir, java.util.function.Function<dev.evalbench.core.record.CaseKey, List<String>> tags,
                              RunBody body) {
        problem.set("");
        RunProgress progress = new RunProgress(dir);
        runs.add(progress);
        current.set(progress);
        AtomicReference<String> warning = new AtomicReference<>();
        CoalescingListener listener = new CoalescingListener(sink(progress, warning), tags, System::nanoTime,
                CoalescingListener.DEFAULT_INTERVAL);
        listening.put(progress, listener);
        going.set(true);
        BackgroundTask.of(() -> {
                    try (HistoryStore.Held held = holds.hold(dir)) {
                        RunHeader header = body.run(held.store(), listener, progress.cancellation(),
                                w -> warning.compareAndSet(null, w));
                        return new Ended(header, dev.evalbench.core.service.Outages.why(held.store(), header));
                    }
                })
                .onSuccess(ended -> {
                    RunHeader header = ended.header();
                    listening.remove(progress);
                    going.set(!listening.isEmpty());
                    // Incomplete without being asked to stop: the engine found that no case got an answer, or some cases
                    // were kept from the model (an open breaker, a route the server refused).
                    boolean stopped = progress.cancellation().isCancelled();
                    RunEvent why = ended.why();
                    RunProgress.State how = header.status() == RunStatus.COMPLETE ? RunProgress.State.COMPLETE
                            : why == null || stopped ? RunProgress.State.CANCELLED
                            : switch (why.kind()) {
                                case RunEvent.OUTAGE -> RunProgress.State.OUTAGE;
                                case RunEvent.UNJUDGED -> RunProgress.State.UNJUDGED;
                                case RunEvent.UNANSWERED -> RunProgress.State.UNANSWERED;
                                default -> RunProgress.State.UNSENT;
                            };
                    progress.ended(how, header, null);
                    // Why, in the status line: the run bar has no room for "route openai not called: the server refused …".
                    if (how == RunProgress.State.UNSENT || how == RunProgress.State.UNJUDGED
                            || how == RunProgress.State.UNANSWERED) {
                        // The start's warning (files edited since a resumed run started) is kept after it, not lost.
                        problem.set(why.detail() + (how == RunProgress.State.UNANSWERED
                                ? ". Resume (in its results tab) runs them again." : ". Resume (in its results tab) sends them.")
                                + (warning.get() == null ? "" : " " + warning.get()));
                    }
                    onEnded.accept(progress, header);
                })
                .onFailure(e -> {
                    listening.remove(progress);
                    going.set(!listening.isEmpty());
                    String why = e instanceof RequestException r ? r.reason() : String.valueOf(e.getMessage());
                    // A request refused before anything was sent (a resume whose routes read otherwise now) did not fail.
                    boolean refused = e instanceof RequestException;
                    progress.ended(refused ? RunProgress.State.REFUSED : RunProgress.State.FAILED, null, why);
                    problem.set((refused ? "Refused: " : "The run failed: ") + why);
                    onEnded.accept(progress, progress.header());
                })
                .executeWith(runner);
        return progress;
    }

    /**
     * A run's final header, whether an outage left it incomplete, why cases were left for resume (not sent, or not
     * judged) when that left it so, else null, and whether they were only cases no judge graded (read in the task
     * body, after it ended).
     */
    /** A run as it ended, and what left it incomplete when nobody stopped it ({@link dev.evalbench.core.service.Outages#why}). */
    private record Ended(RunHeader header, RunEvent why) {}

    /** Hops every callback of the coalescer to the UI thread; the batches of cases are not needed here. */
    private CoalescingListener.Sink sink(RunProgress progress, AtomicReference<String> warning) {
        return new CoalescingListener.Sink() {
            @Override
            public void started(RunHeader header, int alreadyDone) {
                runner.onUi(() -> {
                    progress.started(header);
                    onStarted.accept(header);
                    if (warning.get() != null) problem.set(warning.get());
                });
            }

            @Override
            public void progress(ProgressSnapshot snapshot) {
                runner.onUi(() -> progress.update(snapshot));
            }

            @Override
            public void cases(List<CaseSummary> batch) {}

            @Override
            public void storeFailed(StoreException failure) {
                runner.onUi(() -> problem.set("The history failed during the run: " + failure.getMessage()));
            }
        };
    }

    /** Delivers batches a slow provider held back; the run bar's timer calls it a few times a second. */
    public void flush() {
        listening.values().forEach(CoalescingListener::flushIfDue);
    }

    /** Called when a run has its id (the history can list it). */
    public void setOnStarted(Consumer<RunHeader> onStarted) { this.onStarted = onStarted; }
    /** Called when a run ended however it ended; the header is null when it never started. */
    public void setOnEnded(BiConsumer<RunProgress, RunHeader> onEnded) { this.onEnded = onEnded; }
    public ObservableList<String> routes() { return routes; }
    /** What keeps {@code route} from running here ("OPENAI_API_KEY not set"), said beside it in the menu; null: nothing. */
    public String routeNote(String route) { return keyNotes.get(route); }
    public ObservableList<String> chosenRoutes() { return chosenRoutes; }
    public ObservableList<String> suites() { return suites; }
    /** Empty: every suite. */
    public ObservableList<String> chosenSuites() { return chosenSuites; }
    public IntegerProperty concurrencyProperty() { return concurrency; }
    public IntegerProperty repeatProperty() { return repeat; }
    /** "read-write", "read" or "off". */
    public StringProperty cacheModeProperty() { return cacheMode; }
    /** Every run started in this window, oldest first. */
    public ObservableList<RunProgress> runs() { return runs; }
    /** The newest run started, which the run bar shows. */
    public ReadOnlyObjectProperty<RunProgress> currentProperty() { return current.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** Whether a run started here is still going (the run bar's timer only ticks then). */
    public ReadOnlyBooleanProperty goingProperty() { return going.getReadOnlyProperty(); }
}
