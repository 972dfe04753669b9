package dev.evalbench.app.runner;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.fx.DisabledTooltip;
import dev.evalbench.app.gates.GatedRun;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.app.results.ResultsViewModel;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.service.RunAgain;
import dev.evalbench.core.text.Counted;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A results tab's ways to run some of its cases again, against the workspace as it is now: the cases that did
 * not pass ("Rerun failing", Ctrl+Shift+R), the case selected, or the cases the filter shows (the table's context
 * menu). The author's loop after reading a failure: edit, then run only what failed. FX thread only.
 */
public final class RerunActions {
    /** The failing cases' button's tooltip ends with its key; the shortcut itself is the run feature's. */
    static final String KEY = "Ctrl+Shift+R";

    private RerunActions() {}

    /**
     * Adds the button to {@code view}'s actions and the menu to its table; {@code again} takes the run's id and the
     * cases to run again; {@code gated} is the run as its gates read it (null until read), whose kind says whether
     * its cases are the workspace's to run again.
     */
    public static void install(ResultsView view, ObservableValue<GatedRun> gated,
                               BiConsumer<String, List<CaseKey>> again) {
        ResultsViewModel vm = view.viewModel();
        Button failing = new Button("Rerun failing", new FontIcon("fth-rotate-cw"));
        failing.setId("results-rerun-failing");
        failing.getStyleClass().add(Styles.SMALL);
        // Until every row is read the count would be the first page's; a run where every case passed has none; a
        // traffic or shadow run's cases are production's requests, which the workspace cannot run.
        failing.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.loadedProperty().get()
                || failing(vm).isEmpty() || fromProduction(gated), vm.loadedProperty(), gated));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> fromProduction(gated)
                ? "A " + kindWord(gated) + " run's cases are production's requests, not the workspace's: replay them "
                        + "with evalbench shadow"
                : !vm.loadedProperty().get()
                ? "Reading the run…"
                : failing(vm).isEmpty()
                ? "Every case of this run passed: none to run again"
                : "Run the " + Counted.of(failing(vm).size(), "case") + " that did not pass again, on the routes this run "
                        + "used, against the workspace as it is now (" + KEY + ")", vm.loadedProperty(), gated));
        failing.setTooltip(tip);
        failing.setOnAction(e -> again.accept(vm.runId(), failing(vm)));
        // Disabled on a traffic run or a run that all passed: its tooltip says why, so it must show then too.
        view.addAction(DisabledTooltip.wrap(failing));

        MenuItem selected = new MenuItem("Run this case again", new FontIcon("fth-rotate-cw"));
        selected.setId("results-rerun-selected");
        selected.setOnAction(e -> {
            CaseSummary s = view.table().getSelectionModel().getSelectedItem();
            if (s != null) again.accept(vm.runId(), List.of(s.key()));
        });
        MenuItem shown = new MenuItem();
        shown.setId("results-rerun-shown");
        shown.setOnAction(e -> again.accept(vm.runId(), view.table().getItems().stream().map(CaseSummary::key).toList()));
        ContextMenu menu = view.contextMenu();
        // First in the view's menu, above its copy: running again is what the menu is mostly opened for.
        menu.getItems().addAll(0, List.of(selected, shown, new javafx.scene.control.SeparatorMenuItem()));
        // Said when the menu opens: the filter may have changed since the last time.
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            selected.setDisable(view.table().getSelectionModel().getSelectedItem() == null || fromProduction(gated));
            int n = view.table().getItems().size();
            shown.setText("Run the " + Counted.of(n, "case") + " shown again");
            shown.setDisable(n == 0 || !vm.loadedProperty().get() || fromProduction(gated));
        });
    }

    /**
     * Ctrl+Shift+R: the failing cases of {@code view} (the results tab shown, or shown last; null: none), once
     * every row is read; otherwise {@code status} says why nothing runs.
     */
    public static void rerunFailing(ResultsView view, BiConsumer<String, List<CaseKey>> again,
                                    java.util.function.Consumer<String> status) {
        if (view == null) {
            status.accept("No run's results are open: open a run from the history, then Ctrl+Shift+R runs again "
                    + "the cases of it that did not pass.");
            return;
        }
        ResultsViewModel vm = view.viewModel();
        if (!vm.loadedProperty().get()) {
            status.accept("Run " + vm.runId() + " is still being read: press Ctrl+Shift+R again in a moment.");
        } else if (failing(vm).isEmpty()) {
            status.accept("Every case of run " + vm.runId() + " passed: nothing to run again.");
        } else {
            again.accept(vm.runId(), failing(vm));
        }
    }

    /** Whether the run, once its header is read, is one whose cases are not run again (a traffic or shadow run). */
    private static boolean fromProduction(ObservableValue<GatedRun> gated) {
        GatedRun run = gated.getValue();
        return run != null && !RunAgain.runnable(run.header());
    }

    private static String kindWord(ObservableValue<GatedRun> gated) {
        return gated.getValue().header().kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Every case (each sample, each route) that did not pass: failed or errored. */
    static List<CaseKey> failing(ResultsViewModel vm) {
        return vm.all().stream().filter(s -> !s.passed()).map(CaseSummary::key).toList();
    }
}
