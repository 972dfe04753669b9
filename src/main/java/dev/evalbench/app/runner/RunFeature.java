package dev.evalbench.app.runner;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.time.Clock;
import java.util.Map;
import dev.evalbench.app.compare.CompareButtons;
import dev.evalbench.app.compare.CompareTabs;
import dev.evalbench.app.compare.RunChoice;
import dev.evalbench.app.compare.SincePrevious;
import dev.evalbench.app.results.CacheHitsLine;
import dev.evalbench.app.gates.RunGating;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import dev.evalbench.app.history.HistoryStore;
import dev.evalbench.app.history.HistoryView;
import dev.evalbench.app.history.HistoryViewModel;
import dev.evalbench.app.history.HistoryWatch;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.results.ResultsTabs;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.workspace.Workspace;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run-and-read loop of the window: the run history on the left, a results tab per opened run, and the
 * run launcher with its run bar. Wires one shared {@link HistoryStore} (the open workspace's history) into
 * each. Installed once by the application; FX thread.
 *
 * <p>It takes the workbench's parts rather than the {@code Workbench} record, so this package does not depend
 * on the application package that lists it (no package cycle).
 */
public final class RunFeature {
    private HistoryStore history;
    private ResultsTabs results;
    private RunLauncherViewModel launcher;
    private CompareTabs compare;
    private dev.evalbench.app.settings.WorkbenchSettings settings;
    private final RerunTabs rerunTabs = new RerunTabs();
    /** Runs that ended while another workspace was shown, by their workspace's folder (FX thread). */
    private final java.util.Map<java.nio.file.Path, EndedAway> endedAway = new java.util.HashMap<>();
    /** Opens a case of the workspace's datasets to edit it (suite, case id): the author's feature; null: no such item. */
    private java.util.function.BiConsumer<String, String> editCase;

    /** Offers "Edit this case in its dataset" in results tabs opened from now on, through {@code edit}. FX thread. */
    public void editCasesWith(java.util.function.BiConsumer<String, String> edit) {
        this.editCase = edit;
    }

    private java.util.function.Consumer<String> editGate;

    /** Who opens the gates file at a gate's line, by gate id, for "Edit this gate in gates.yaml" (the author's feature). */
    public void editGatesWith(java.util.function.Consumer<String> edit) {
        this.editGate = edit;
    }

    public void install(MainWindow window, TaskRunner runner, WorkspaceSession session, Map<String, String> env, Clock clock,
                        dev.evalbench.app.settings.WorkbenchSettings settings) {
        this.settings = settings;
        history = new HistoryStore();
        // Runs and tags a terminal writes into this history show up here too, as this window's own do.
        HistoryWatch watch = HistoryWatch.start(history, runner);
        window.atStop(() -> {
            watch.close();
            return () -> { };
        });
        // Task bodies read the open workspace; the FX property is only read on its own thread.
        AtomicReference<Workspace> openWorkspace = new AtomicReference<>(session.workspace());
        session.workspaceProperty().addListener((o, was, now) -> openWorkspace.set(now));
        RunGating gating = new RunGating(env, openWorkspace::get);
        ZoneId zone = clock.getZone();
        results = new ResultsTabs(window, runner, history::store, gating, openWorkspace::get, zone);
        results.installShortcuts();
        HistoryViewModel historyVm = new HistoryViewModel(runner, history::store, gating, zone);
        // However the baseline moved (Tag main here, or `evalbench tag` in a terminal), open results re-gate.
        historyVm.setOnBaselineMoved(results::regateAll);
        // The workspace's gates changed (gates.yaml saved): each open run says whether its gates are still the workspace's.
        // Not at every read of the workspace (a template saved): a re-gated table loses the gate row selected in it.
        session.workspaceProperty().addListener((o, was, now) -> {
            if (now != null && (was == null || !now.gates().equals(was.gates()))) results.regateAll();
        });
        TabsFollowHistory.install(historyVm.rows(), results);
        HistoryView historyView = new HistoryView(historyVm, this::open, row -> resume(row), RunGating.BASELINE_TAG);
        historyView.workspaceOpenProperty().bind(session.folderProperty().isNotNull());
        window.setRunsView(historyView);
        // The list follows the results tab shown, so its buttons act on the run one is looking at.
        window.tabs().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getContent() instanceof dev.evalbench.app.results.ResultsView shown) {
                historyView.follow(shown.viewModel().runId());
            }
        });
        // Keyboard first: the history is a key away, and from there Enter opens a run and Shift+F10 its menu.
        window.shortcuts().add(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN), "Runs",
                "Go to the run history (Enter opens the selected run, Shift+F10 its menu: Tag main, Resume, Compare…)",
                () -> {
                    window.revealLeftColumn();
                    var list = historyView.list();
                    if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) list.getSelectionModel().select(0);
                    list.requestFocus();
                });
        installCompare(window, runner, session, env, zone, openWorkspace, historyView);
        compare.summarizeRunsWith(historyVm::gatesOf);
        // A results tab left open at the last close opens again on its run, if the history still has it.
        window.tabMemory().opener("run", (id, notOpened) -> BackgroundTask.of(() -> history.store().run(id))
                .onSuccess(header -> header.ifPresentOrElse(h -> results.open(id, h.startedAt()), () -> {
                    window.status("Run " + id + ", open at the last close, is no longer in the history.");
                    notOpened.run();
                }))
                .onFailure(e -> {
                    window.status("Cannot open run " + id + ": " + e.getMessage());
                    notOpened.run();
                })
                .executeWith(runner));
        window.tabMemory().opener("compare", (pair, notOpened) -> {
            String[] ids = pair.split(" ", 2);
            if (ids.length == 2) compare.compareHistoryRuns(ids[0], ids[1], notOpened);
            else notOpened.run();
        });
        history.setFolder(session.folder());
        session.folderProperty().addListener((o, was, now) -> {
            // The open results and comparisons read the previous workspace's history: they go with it (as its
            // files' tabs do), or they would read on in the new one by the old ids.
            if (was != null && !was.equals(now)) {
                results.closeAll();
                compare.closeThoseOfTheHistory();
            }
            history.setFolder(now);
            historyVm.refresh();
            RunProgress shown = launcher == null ? null : launcher.currentProperty().get();
            if (shown != null) shown.shownFrom(now);
        });
        history.changed().addListener((o, was, now) -> historyVm.refresh());
        if (session.folder() != null) historyVm.refresh();
        WorkspaceWarnings.install(runner, session, history);
        installLauncher(window, runner, session, env, clock);
        HistoryFollowsRun follows = new HistoryFollowsRun(historyVm::refresh, System::currentTimeMillis);
        launcher.currentProperty().addListener((o, was, now) -> {
            if (now != null) follows.follow(now);
        });
    }

    /** The reviewer's comparison, one click away from the history and from every results tab. */
    private void installCompare(MainWindow window, TaskRunner runner, WorkspaceSession session, Map<String, String> env,
                                ZoneId zone, AtomicReference<Workspace> openWorkspace, HistoryView historyView) {
        compare = new CompareTabs(window, runner, history::store, session::folder, openWorkspace::get, env, zone);
        compare.installShortcuts();
        CompareButtons.installShortcuts(window);
        historyView.addAction("history-compare-baseline", "fth-git-pull-request", "Compare with baseline",
                "Compare the selected run with the run tagged " + CompareTabs.BASELINE_TAG,
                row -> compare.compareWithBaseline(RunChoice.ofHistory(row.header(), zone, history::store)));
        historyView.addAction("history-compare-previous", "fth-git-commit", "Compare with previous",
                "Compare the selected run with the run before it",
                row -> compare.compareWithPrevious(RunChoice.ofHistory(row.header(), zone, history::store)));
        // Shadow and canary verdicts open as comparisons: a shadow run against its traffic, a canary against its control.
        historyView.addAction("history-compare-verdict", "fth-git-merge",
                "Compare shadow or canary", "Compare a shadow run with the traffic it replayed, or a canary traffic run with its control",
                row -> compare.compareVerdictPair(RunChoice.ofHistory(row.header(), zone, history::store)),
                row -> !row.kind().isEmpty(), "This is an eval run: select a shadow run or an imported traffic run.");
        results.onOpen(view -> {
            // What changed since the previous run, above the button that opens that comparison: the loop's answer
            // without another click.
            view.addLine(SincePrevious.of(runner, view.viewModel(), history::store, zone));
            view.addLine(CacheHitsLine.of(view.viewModel()));
            view.addLine(dev.evalbench.app.results.SliceLine.of(runner, view.viewModel(), history::store));
            view.addAction(CompareButtons.of(view.viewModel().runId(),
                    id -> compare.compareWithBaseline(new RunChoice(id, "run " + id, history::store)),
                    id -> compare.compareWithPrevious(new RunChoice(id, "run " + id, history::store))));
        });
        Button pick = new Button("Compare…", new FontIcon("fth-columns"));
        pick.setId("compare-pick");
        pick.setTooltip(new Tooltip("Compare two runs (Ctrl+Shift+C)"));
        pick.setOnAction(e -> compare.pick());
        window.toolBar().getItems().add(pick);
    }

    private void open(RunRow row) {
        if (row != null) results.open(row.id(), row.header().startedAt());
    }

    private void resume(RunRow row) {
        if (row != null && row.resumable()) launcher.resume(row.id());
    }

    private void installLauncher(MainWindow window, TaskRunner runner, WorkspaceSession session, Map<String, String> env,
                                 Clock clock) {
        launcher = new RunLauncherViewModel(runner, history::store, history::hold, session::folder, new RunService(clock, env));
        launcher.setWorkspace(session.workspace());
        launcher.setUnsavedFiles(session::unsavedFiles);
        LauncherMemory.install(launcher, session.folderProperty(), settings, work -> window.atStop(() -> {
            work.run();
            return () -> { };
        }));
        session.workspaceProperty().addListener((o, was, now) -> launcher.setWorkspace(now));
        RunWhenRead whenRead = new RunWhenRead(session.loadingProperty(), () -> {
            if (launcher.run() == null) window.status(launcher.problemProperty().get());
        }, window::status);
        Runnable run = whenRead::request;
        // Cases of a stored run again, as Ctrl+R: made of the files as they are once read, a refusal on the status line.
        java.util.function.BiConsumer<String, java.util.List<dev.evalbench.core.record.CaseKey>> again =
                (runId, cases) -> whenRead.request(() -> launcher.runAgain(runId, cases));
        results.onOpen(view -> {
            RerunActions.install(view, results.gated(view.viewModel().runId()), again);
            ResumeAction.install(view, results.gated(view.viewModel().runId()), launcher::resume);
            if (editCase != null) EditCaseAction.install(view, results.gated(view.viewModel().runId()), editCase);
            if (editGate != null) EditGateAction.install(view, results.gated(view.viewModel().runId()), editGate);
            // The case read here is the one an open template previews: the author goes from it to the prompt.
            view.viewModel().selectedProperty().addListener((o, was, now) -> {
                if (now != null) session.caseInFocusProperty().set(now.key());
            });
        });
        // One case alone (a template's preview case, a dataset's selected case), as Ctrl+R runs the suites: of the
        // files as read once a save is.
        OneCaseRuns.install(window, (suite, id) -> whenRead.request(() -> {
            if (launcher.runCase(suite, id) == null) window.status(launcher.problemProperty().get());
        }));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Run", "Run again the cases that did not pass, of the results tab shown (or shown last)",
                () -> RerunActions.rerunFailing(results.currentOrLast(), again, window::status));
        window.toolBar().getItems().addAll(LauncherControls.of(launcher, run));
        window.addStatusItem(new RunBar(launcher));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), "Run",
                "Run the chosen routes and suites", run);
        // The run bar's Cancel, from the keyboard (Ctrl+. as in many tools; Esc already clears a results filter).
        window.shortcuts().add(new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN), "Run",
                "Cancel the run in progress (its finished cases stay stored; its results tab has Resume)", () -> {
                    RunProgress current = launcher.currentProperty().get();
                    if (current != null && current.active()) current.cancel();
                });
        launcher.problemProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) window.status(now);
            else if (RunLauncherViewModel.HAS_PROBLEMS.equals(was)) window.withdrawStatus(was);
        });
        launcher.setOnStarted(header -> {
            history.touch();
            // The run bar says what runs now; an older line would contradict it.
            window.status("");
        });
        launcher.setOnEnded((progress, header) -> {
            history.touch();
            if (header != null && progress.folder() != null && !progress.folder().equals(session.folder())) {
                // Another workspace was opened while it ran: its tabs read that one's history, not the run's. Its results
                // open when its workspace is opened again, once that one's tabs are back.
                progress.shownFrom(session.folder());
                endedAway.put(progress.folder(), new EndedAway(progress, header));
                return;
            }
            showEnded(progress, header);
        });
        window.tabMemory().whenReopened(() -> {
            EndedAway away = session.folder() == null ? null : endedAway.remove(session.folder());
            if (away != null) showEnded(away.progress(), away.header());
        });
    }

    /** A run that ended while another workspace was shown, and how it ended. */
    private record EndedAway(RunProgress progress, dev.evalbench.core.record.RunHeader header) {}

    /** The loop in seconds: an ended run of the workspace shown shows its results and gates without another click. */
    private void showEnded(RunProgress progress, dev.evalbench.core.record.RunHeader header) {
        if (header == null) return;
        RunProgress.State state = progress.stateProperty().get();
        if (state == RunProgress.State.COMPLETE) {
            results.openInPlaceOf(rerunTabs.replaced(header), header.id(), header.startedAt());
        } else if (state != RunProgress.State.FAILED && state != RunProgress.State.REFUSED) {
            // Its tab opens as a finished run's does, and says what happened (the headline; after an outage, each
            // case's cause under its verdict) and has Resume. A status line saying "resume it from the history"
            // sent the reader to find the run's row; after an outage it was cut to "Run 20261206-021658-fa…"
            // beside the run bar, which said it already. A tab of its own: the last complete run's stays open
            // (what was read before the edit); the next run of the same cases takes this one's.
            rerunTabs.replaced(header);
            results.openInPlaceOf(null, header.id(), header.startedAt());
        }
    }

    /** The shared history, for tests that drive the real window. */
    public HistoryStore history() {
        return history;
    }

    /** The comparison tabs, shared with the features that open runs from files. */
    public CompareTabs compare() {
        return compare;
    }

    public ResultsTabs results() {
        return results;
    }
}
