package dev.evalbench.app.charts;

import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.history.HistoryStore;
import dev.evalbench.app.results.ResultsTabs;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import java.time.ZoneId;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The charts tab: "Charts" in the tool bar (Ctrl+Shift+H) opens it over the whole history; "Charts" on a
 * results tab opens it on that run's latency distribution. A click on a point opens that run's results tab
 * ({@link ResultsTabs#open}, as the history list does). The tab reads the history again whenever it changes.
 * Installed once; FX thread. Takes the window's parts, not the {@code Workbench} record (no package cycle).
 */
public final class ChartsFeature {
    private MainWindow window;
    private ChartsViewModel vm;
    private Tab tab;
    private ResultsTabs results;
    private ZoneId zone;

    public void install(MainWindow window, TaskRunner runner, WorkspaceSession session, Map<String, String> env,
                        HistoryStore history, ResultsTabs results, ZoneId zone) {
        this.window = window;
        this.results = results;
        this.zone = zone;
        vm = new ChartsViewModel(runner, history::store, session::folder, env);
        history.changed().addListener((o, was, now) -> {
            if (isOpen()) vm.load();
        });
        session.folderProperty().addListener((o, was, now) -> {
            if (!isOpen()) return;
            // It charts the history the workspace left: it goes with it, as the results and comparisons do (the
            // workspace opened brings back its own tabs). Left open, it named a run of the other history, "0 cases".
            if (was != null && !was.equals(now)) window.tabs().getTabs().remove(tab);
            else vm.load();
        });
        Button button = new Button("Charts", new FontIcon("fth-bar-chart-2"));
        button.setId("charts-button");
        button.setTooltip(new Tooltip("Charts of the history: gate pass rates, p95 latency, tokens, cost (Ctrl+Shift+H)"));
        button.setOnAction(e -> show(null));
        window.toolBar().getItems().add(button);
        window.shortcuts().add(new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Charts", "Charts of the run history", () -> show(null));
        results.onOpen(view -> view.addAction(runButton(view)));
        // Left open at the last close, it opens again over the history as it is now (on the newest run's latency).
        window.tabMemory().opener("charts", (what, notOpened) -> show(null));
    }

    private Button runButton(ResultsView view) {
        Button b = new Button("Charts of this run", new FontIcon("fth-bar-chart-2"));
        b.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        b.setId("results-charts-button");
        b.setTooltip(new Tooltip("This run's latency against its baseline's, and the history's charts"));
        b.setOnAction(e -> show(view.viewModel().runId()));
        return b;
    }

    /** Opens (or selects) the charts tab, focused on {@code runId}'s distribution (the newest run when null). */
    public void show(String runId) {
        if (!isOpen()) {
            tab = new Tab("Charts", new ChartsView(vm, zone, p -> results.open(p.runId(), p.startedAt())));
            // Nothing here uses the detail pane: the tables and charts take its width.
            dev.evalbench.app.shell.MainWindow.wantsWholeWidth(tab);
            tab.setId("charts-tab");
            dev.evalbench.app.shell.TabMemory.remember(tab, "charts", "history");
            window.tabs().getTabs().add(tab);
            vm.focus(runId);
            vm.load();
        } else if (runId != null) {
            vm.showDistribution(runId);
        }
        window.tabs().getSelectionModel().select(tab);
    }

    private boolean isOpen() {
        return tab != null && window.tabs().getTabs().contains(tab);
    }
}
