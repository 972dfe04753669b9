package dev.evalbench.app.results;

import dev.evalbench.app.detail.RevealableDetail;
import dev.evalbench.app.fx.AfterLayout;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.gates.GateDetail;
import dev.evalbench.app.gates.GateRow;
import dev.evalbench.app.gates.GatedRun;
import dev.evalbench.app.gates.GatesView;
import dev.evalbench.app.gates.GatesViewModel;
import dev.evalbench.app.gates.RunGating;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.RunTime;
import dev.evalbench.core.workspace.Workspace;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

/**
 * The results tabs in the centre, one per opened run: the gates panel above the filtered table, the detail
 * pane of the selected case on the right. Opening a run that already has a tab selects it. Owns the results
 * shortcuts (Ctrl+F, N, P), which act on the selected results tab. FX thread only.
 */
public final class ResultsTabs {
    // To the second: two runs started in the same minute (a quick re-run after an edit) are told apart.
    private final MainWindow window;
    private final TaskRunner runner;
    private final BackgroundTask.ThrowingSupplier<RunStore> store;
    private final RunGating gating;
    private final Supplier<Workspace> openWorkspace;
    private final ZoneId zone;
    private final Map<String, Tab> open = new LinkedHashMap<>();
    private final Map<String, GatesViewModel> gates = new LinkedHashMap<>();
    private final java.util.List<java.util.function.Consumer<ResultsView>> onOpen = new java.util.ArrayList<>();
    /** Results tabs in the order they were last selected, the last one last; closed ones are skipped when read. */
    private final java.util.List<Tab> shownOrder = new java.util.ArrayList<>();

    public ResultsTabs(MainWindow window, TaskRunner runner, BackgroundTask.ThrowingSupplier<RunStore> store,
                       RunGating gating, Supplier<Workspace> openWorkspace, ZoneId zone) {
        this.window = window;
        this.runner = runner;
        this.store = store;
        this.gating = gating;
        this.openWorkspace = openWorkspace;
        this.zone = zone;
        window.tabs().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getContent() instanceof ResultsView) {
                shownOrder.remove(now);
                shownOrder.add(now);
            }
        });
        // However a tab goes (closed by the user, or removed with the others), its run can be opened again.
        window.tabs().getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                for (Tab gone : change.getRemoved()) {
                    open.values().remove(gone);
                    shownOrder.remove(gone);
                    gates.keySet().retainAll(open.keySet());
                }
            }
        });
    }

    public void installShortcuts() {
        window.shortcuts().add(new KeyCodeCombination(KeyCode.N), "Results", "Next failing case",
                () -> unlessTyping(v -> v.moveToFailing(1)));
        window.shortcuts().add(new KeyCodeCombination(KeyCode.P), "Results", "Previous failing case",
                () -> unlessTyping(v -> v.moveToFailing(-1)));
    }

    /**
     * A gate chosen in a results view's gates panel: the table shows the cases behind it, and the detail pane the
     * gate, every number of its row together (until a case is selected).
     */
    public static void followGate(ResultsViewModel vm, MainWindow window, Tab tab, GateRow row) {
        vm.scopeProperty().set(new CaseFilter.Scope(row.id(), row.cases()));
        window.showDetail(tab, new GateDetail(row));
    }

    /**
     * The run gated again (the baseline moved, the gates edited): a gate the results follow is followed anew, its cases
     * and, while the detail pane shows it, its detail as the gates now judge it (the pane kept "FAIL, ≥ 99.0%" beside a
     * table that read "pass, ≥ 98.0%").
     */
    public static void keepFollowing(ResultsViewModel vm, MainWindow window, Tab tab, GatesViewModel gates) {
        gates.rows().addListener((ListChangeListener<GateRow>) c -> {
            CaseFilter.Scope scope = vm.scopeProperty().get();
            if (scope == null) return;
            gates.rows().stream().filter(r -> r.id().equals(scope.name())).findFirst().ifPresent(row -> {
                vm.scopeProperty().set(new CaseFilter.Scope(row.id(), row.cases()));
                if (window.detailOf(tab) instanceof GateDetail) window.showDetail(tab, new GateDetail(row));
            });
        });
    }

    /** Closes every results tab (another workspace, another history, was opened). */
    public void closeAll() {
        window.tabs().getTabs().removeAll(new java.util.ArrayList<>(open.values()));
    }

    /** Shows the results of run {@code runId} (started at {@code startedAt}), opening a tab when none is open. */
    public ResultsView open(String runId, Instant startedAt) {
        return open(runId, startedAt, -1);
    }

    /**
     * Shows the results of run {@code runId}, which has just finished, in the place of run {@code replaced}'s tab,
     * which closes; where that tab is not open, as {@link #open(String, Instant)}. A rerun takes its run's tab, in the
     * same place among the tabs. A tab of {@code runId} itself, read before it finished (a run resumed while its
     * results were open: "INCOMPLETE", every case an error), is read again in its place rather than selected as it was.
     */
    public ResultsView openInPlaceOf(String replaced, String runId, Instant startedAt) {
        Tab stale = open.remove(runId);
        Tab old = replaced == null || replaced.equals(runId) ? null : open.get(replaced);
        Tab place = stale != null ? stale : old;
        if (place == null) return open(runId, startedAt);
        ResultsView view = open(runId, startedAt, window.tabs().getTabs().indexOf(place));
        if (stale != null) window.tabs().getTabs().remove(stale);
        if (old != null) window.tabs().getTabs().remove(old);
        return view;
    }

    /**
     * Reads the open tab of {@code runId} again in its place: its run has changed since the tab read it (it finished in
     * a terminal, or a terminal resumed it). The tab stays selected if it was, and behind the tab shown if it was not:
     * a terminal's run finishing does not take the window from the reader. Nothing when no tab of it is open.
     */
    public void reread(String runId, Instant startedAt) {
        Tab stale = open.remove(runId);
        if (stale == null) return;
        open(runId, startedAt, window.tabs().getTabs().indexOf(stale), stale.isSelected());
        window.tabs().getTabs().remove(stale);
    }

    private ResultsView open(String runId, Instant startedAt, int at) {
        return open(runId, startedAt, at, true);
    }

    private ResultsView open(String runId, Instant startedAt, int at, boolean select) {
        Tab existing = open.get(runId);
        if (existing != null) {
            window.tabs().getSelectionModel().select(existing);
            return (ResultsView) existing.getContent();
        }
        DatasetLookup openDataset = new DatasetLookup(openWorkspace.get());
        ResultsViewModel vm = new ResultsViewModel(runner, store, runId, openDataset);
        GatesViewModel gatesVm = new GatesViewModel(runner, store, gating, runId);
        ResultsView view = new ResultsView(vm, new GatesView(gatesVm));
        Tab tab = new Tab("Results " + RunTime.of(startedAt, zone), view);
        gatesVm.setOnChosen(row -> followGate(vm, window, tab, row));
        keepFollowing(vm, window, tab, gatesVm);
        tab.setId("results-tab-" + runId);
        dev.evalbench.app.shell.TabMemory.remember(tab, "run", runId);
        tab.setTooltip(new Tooltip("Run " + runId));
        showDetails(vm, gatesVm, tab, new DetailMasking(openWorkspace.get(), openDataset, new CapturedVars(store, runId)));
        open.put(runId, tab);
        gates.put(runId, gatesVm);
        onOpen.forEach(hook -> hook.accept(view));
        if (at < 0) window.tabs().getTabs().add(tab);
        else window.tabs().getTabs().add(at, tab);
        if (select) window.tabs().getSelectionModel().select(tab);
        // The rest of the run and the gates once the first rows are laid out: gating a large run (reading it,
        // bootstrapping intervals) and reading every row would take the cores the first page needs, and gate
        // rows arriving before that pulse would be built in it.
        java.util.concurrent.Executor afterFirstRows = AfterLayout.of(window::scene);
        vm.readRestWith(afterFirstRows);
        vm.firstRowsProperty().addListener((o, was, now) -> {
            if (now) afterFirstRows.execute(gatesVm::load);
        });
        vm.load();
        return view;
    }

    /**
     * The selected case of this tab in the detail pane: masked and completed with its input variables off the
     * FX thread (in the task that reads it), then shown in one pane per tab that is refilled case after case.
     */
    private void showDetails(ResultsViewModel vm, GatesViewModel gatesVm, Tab tab, DetailMasking masking) {
        RevealableDetail[] pane = new RevealableDetail[1];
        vm.maskDetails(masking, () -> {
            GatedRun gated = gatesVm.gatedProperty().get();
            return gated != null ? gated.workspace() : null;
        });
        vm.shownProperty().addListener((o, was, shown) -> {
            if (shown == null) {
                window.clearDetail(tab, pane[0]);
                return;
            }
            if (pane[0] == null) pane[0] = new RevealableDetail();
            pane[0].show(shown.raw(), shown.masked(), shown.vars(), shown.maskedVars());
            window.showDetail(tab, pane[0]);
        });
    }

    /**
     * The gated run of an open results tab (its header, gates and workspace once read; null until then), or null
     * when no tab of {@code runId} is open. FX thread.
     */
    public javafx.beans.value.ObservableValue<dev.evalbench.app.gates.GatedRun> gated(String runId) {
        GatesViewModel vm = gates.get(runId);
        return vm == null ? null : vm.gatedProperty();
    }

    /**
     * Lets another feature add to every results view opened from now on (e.g. an "Export report…" button):
     * {@code hook} runs once per new view, before its tab shows. FX thread.
     */
    public void onOpen(java.util.function.Consumer<ResultsView> hook) {
        onOpen.add(hook);
    }

    /** Gates every open run again: the baseline moved. */
    public void regateAll() {
        gates.values().forEach(GatesViewModel::load);
    }

    /** The results view of the selected tab, or null when the selected tab shows something else. */
    public ResultsView current() {
        Tab tab = window.tabs().getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof ResultsView v ? v : null;
    }

    /**
     * The results view of the selected tab, else of the results tab shown last (the author went from it to the
     * template, edited and saved), while it is open; null when none.
     */
    public ResultsView currentOrLast() {
        ResultsView now = current();
        if (now != null) return now;
        for (int i = shownOrder.size() - 1; i >= 0; i--) {
            Tab tab = shownOrder.get(i);
            if (open.containsValue(tab)) return (ResultsView) tab.getContent();
        }
        return null;
    }

    private void withCurrent(java.util.function.Consumer<ResultsView> action) {
        ResultsView v = current();
        if (v != null) action.accept(v);
    }

    /** N and P are letters: typed into a text field they stay letters. */
    private void unlessTyping(java.util.function.Consumer<ResultsView> action) {
        if (window.scene().getFocusOwner() instanceof TextInputControl) return;
        withCurrent(action);
    }
}
