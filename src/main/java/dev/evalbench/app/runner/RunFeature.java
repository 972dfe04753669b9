package dev.evalbench.app.runner;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.time.Clock;
import java.util.Map;
import dev.evalbench.app.gates.RunGating;
import dev.evalbench.app.history.HistoryStore;
import dev.evalbench.app.history.HistoryView;
import dev.evalbench.app.history.HistoryViewModel;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.app.results.ResultsTabs;
import dev.evalbench.core.workspace.Workspace;
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

    public void install(MainWindow window, TaskRunner runner, WorkspaceSession session, Map<String, String> env, Clock clock) {
        history = new HistoryStore();
        // Task bodies read the open workspace; the FX property is only read on its own thread.
        AtomicReference<Workspace> openWorkspace = new AtomicReference<>(session.workspace());
        session.workspaceProperty().addListener((o, was, now) -> openWorkspace.set(now));
        RunGating gating = new RunGating(env, openWorkspace::get);
        ZoneId zone = clock.getZone();
        results = new ResultsTabs(window, runner, history::store, gating, openWorkspace::get, zone);
        results.installShortcuts();
        HistoryViewModel historyVm = new HistoryViewModel(runner, history::store, gating, zone);
        HistoryView historyView = new HistoryView(historyVm, this::open, row -> resume(row), RunGating.BASELINE_TAG,
                results::regateAll);
        window.setRunsView(historyView);
        history.setFolder(session.folder());
        session.folderProperty().addListener((o, was, now) -> {
            history.setFolder(now);
            historyVm.refresh();
        });
        history.changed().addListener((o, was, now) -> historyVm.refresh());
        if (session.folder() != null) historyVm.refresh();
    }

    private void open(RunRow row) {
        if (row != null) results.open(row.id(), row.header().startedAt());
    }

    private void resume(RunRow row) {
        // The launcher resumes runs; wired once it exists.
    }

    /** The shared history, for tests that drive the real window. */
    public HistoryStore history() {
        return history;
    }

    public ResultsTabs results() {
        return results;
    }
}
