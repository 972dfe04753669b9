package dev.evalbench.app.open;

import dev.evalbench.app.compare.CompareButtons;
import dev.evalbench.app.compare.CompareTabs;
import dev.evalbench.app.compare.RunChoice;
import dev.evalbench.app.detail.RevealableDetail;
import dev.evalbench.app.fx.LatestOnly;
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
    private Workspace maskFor;
    private Supplier<OutboundMask> mask;

    OpenedRunTabs(MainWindow window, TaskRunner runner, CompareTabs compare, RunGating gating, Supplier<Workspace> openWorkspace) {
        this.window = window;
        this.runner = runner;
        this.compare = compare;
        this.gating = gating;
        this.openWorkspace = openWorkspace;
    }

    /** The mask of {@code ws}'s restricted values, made once for each workspace opened (FX thread). */
    private Supplier<OutboundMask> maskOf(Workspace ws) {
        if (maskFor != ws || mask == null) {
            mask = OutboundMasks.later(ws == null ? List.of() : List.of(ws), Map.of());
            maskFor = ws;
        }
        return mask;
    }

    /** Gates every opened run again: the open workspace, where their gates come from, changed. */
    void regateAll() {
        gates.forEach(GatesViewModel::load);
    }

    ResultsView open(RunChoice run) {
        // A run file's cases in the open workspace's order (a file the app starts with opens once its workspace is
        // read: OpenFeature), by suite and case id without one; its inputs and tags are its own, never the open
        // workspace's, which may be another revision.
        ResultsViewModel vm = new ResultsViewModel(runner, compare::opened, run.runId(),
                dev.evalbench.app.results.DatasetLookup.orderOnly(openWorkspace.get()));
        GatesViewModel gatesVm = new GatesViewModel(runner, compare::opened, gating, run.runId());
        gatesVm.setNoBaseline("Gated on its own, as a run opened from a file: \"Baseline\" compares it with the run"
                + " tagged " + RunGating.BASELINE_TAG + " in this workspace's history.");
        ResultsView view = new ResultsView(vm, new GatesView(gatesVm));
        view.addAction(CompareButtons.of(run.runId(), id -> compare.compareWithBaseline(run), id -> compare.compareWithPrevious(run)));
        Tab tab = new Tab("Read-only " + run.runId() + (run.label().contains(OpenFeature.NOT_AS_SIGNED)
                ? " " + OpenFeature.NOT_AS_SIGNED : ""), view);
        gatesVm.setOnChosen(row -> dev.evalbench.app.results.ResultsTabs.followGate(vm, window, tab, row));
        dev.evalbench.app.results.ResultsTabs.keepFollowing(vm, window, tab, gatesVm);
        tab.setId("opened-tab-" + run.runId());
        tab.setTooltip(new Tooltip(run.label()));
        // The selected case, masked with the open workspace's values in a task (the mask is built once for each
        // workspace): building the mask reads every case of the workspace.
        LatestOnly masking = new LatestOnly(runner);
        RevealableDetail[] pane = new RevealableDetail[1];
        vm.detailProperty().addListener((o, was, record) -> {
            if (record == null) {
                masking.cancelPending();
                window.clearDetail(tab, pane[0]);
                return;
            }
            Supplier<OutboundMask> mask = maskOf(openWorkspace.get());
            masking.submit(() -> mask.get().record(record), masked -> {
                if (pane[0] == null) pane[0] = new RevealableDetail();
                pane[0].show(record, masked, null, null);
                window.showDetail(tab, pane[0]);
            }, e -> window.status("Cannot show case " + record.key() + ": " + e.getMessage()));
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
