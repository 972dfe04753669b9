package dev.evalbench.app.open;

import dev.evalbench.app.compare.CompareButtons;
import dev.evalbench.app.compare.CompareTabs;
import dev.evalbench.app.compare.RunChoice;
import dev.evalbench.app.detail.RevealableDetail;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.gates.GatesView;
import dev.evalbench.app.gates.GatesViewModel;
import dev.evalbench.app.gates.RunGating;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.app.results.ResultsViewModel;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/**
 * A run opened from a file, in a results tab of its own: the same gates panel, filter and table as a run of
 * the history, read from the in-memory store of opened runs; the title says it is read-only. Its buttons
 * compare it with the history's baseline or with the file opened before it. FX thread only.
 */
final class OpenedRunTabs {
    private final MainWindow window;
    private final TaskRunner runner;
    private final CompareTabs compare;
    private final RunGating gating;
    private final Supplier<Workspace> openWorkspace;
    private final List<GatesViewModel> gates = new java.util.ArrayList<>();

    OpenedRunTabs(MainWindow window, TaskRunner runner, CompareTabs compare, RunGating gating, Supplier<Workspace> openWorkspace) {
        this.window = window;
        this.runner = runner;
        this.compare = compare;
        this.gating = gating;
        this.openWorkspace = openWorkspace;
    }

    /** Gates every opened run again: the open workspace, where their gates come from, changed. */
    void regateAll() {
        gates.forEach(GatesViewModel::load);
    }

    ResultsView open(RunChoice run) {
        // A run file without its workspace: no dataset to take tags or the cases' order from.
        ResultsViewModel vm = new ResultsViewModel(runner, compare::opened, run.runId(),
                dev.evalbench.app.results.DatasetLookup.EMPTY);
        GatesViewModel gatesVm = new GatesViewModel(runner, compare::opened, gating, run.runId());
        ResultsView view = new ResultsView(vm, new GatesView(gatesVm));
        view.addAction(CompareButtons.of(run.runId(), id -> compare.compareWithBaseline(run), id -> compare.compareWithPrevious(run)));
        gatesVm.setOnChosen(row -> dev.evalbench.app.results.ResultsTabs.followGate(vm, window, row));
        Tab tab = new Tab("Read-only " + run.runId(), view);
        tab.setId("opened-tab-" + run.runId());
        tab.setTooltip(new Tooltip(run.label()));
        vm.detailProperty().addListener((o, was, record) -> {
            if (!tab.isSelected()) return;
            Workspace ws = openWorkspace.get();
            OutboundMask mask = OutboundMasks.of(ws == null ? List.of() : List.of(ws), Map.of());
            window.showDetail(record == null ? null : new RevealableDetail(record, mask, null));
        });
        gates.add(gatesVm);
        tab.setOnClosed(e -> gates.remove(gatesVm));
        window.tabs().getTabs().add(tab);
        window.tabs().getSelectionModel().select(tab);
        vm.load();
        gatesVm.load();
        return view;
    }
}
