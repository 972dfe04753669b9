package dev.evalbench.app.reports;

import dev.evalbench.app.compare.CompareTabs;
import dev.evalbench.app.compare.CompareView;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.history.HistoryStore;
import dev.evalbench.app.results.ResultsTabs;
import dev.evalbench.app.results.ResultsView;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import dev.evalbench.core.io.UserHome;
import dev.evalbench.core.service.KeyLocation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Signed reports in the window: "Export report…" on every results tab (and Ctrl+E) opens an export tab for
 * that run, and on every comparison of two runs of the history (the second run's report against the first);
 * "Verify report…" in the tool bar (and Ctrl+Shift+V) opens the one verify tab, where an envelope
 * is opened or dropped, verified and approved. Keys live in the user's key folder
 * ({@link KeyLocation#defaultFolder}, from the workbench's environment). Installed once; FX thread.
 *
 * <p>It takes the window's parts rather than the {@code Workbench} record, so this package does not depend on
 * the application package that lists it (no package cycle).
 */
public final class ReportsFeature {
    private MainWindow window;
    private TaskRunner runner;
    private WorkspaceSession session;
    private Map<String, String> env;
    private HistoryStore history;
    private KeysViewModel keys;
    private VerifyViewModel verify;
    private Tab verifyTab;
    private final Map<String, Tab> exports = new HashMap<>();
    /** Each open comparison's export, for Ctrl+E; weak, as a closed comparison's view is dropped. */
    private final Map<CompareView, Runnable> comparisonExports = new java.util.WeakHashMap<>();

    public void install(MainWindow window, TaskRunner runner, WorkspaceSession session, Map<String, String> env,
                        HistoryStore history, ResultsTabs results, CompareTabs comparisons,
                        dev.evalbench.app.settings.WorkbenchSettings settings) {
        this.window = window;
        this.runner = runner;
        this.session = session;
        this.env = env;
        this.history = history;
        Path keyFolder = KeyLocation.defaultFolder(env, System.getProperty("os.name"), UserHome.of(env));
        keys = new KeysViewModel(runner, keyFolder, session::folder);
        keys.rememberIn(settings);
        keys.refresh();
        results.onOpen(view -> view.addAction(exportButton(view)));
        // A reviewer who compared two runs of the history attaches that comparison's report to the pull request:
        // the second run's report against the first.
        comparisons.onOpen(opened -> {
            if (!opened.bothInHistory()) return;
            Runnable export = () -> showExport(opened.secondRunId(), opened.firstRunId());
            comparisonExports.put(opened.view(), export);
            opened.view().addAction(comparisonExportButton(export));
        });
        Button verifyButton = new Button("Verify report…", new FontIcon("fth-shield"));
        verifyButton.setId("verify-report-button");
        verifyButton.setTooltip(new Tooltip("Verify a signed report: its signatures and input files (Ctrl+Shift+V)"));
        verifyButton.setOnAction(e -> showVerify());
        window.toolBar().getItems().add(verifyButton);
        window.shortcuts().add(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Reports", "Verify a signed report", this::showVerify);
        window.shortcuts().add(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), "Reports",
                "Export the report of the run in the selected results tab, or of the selected comparison", () -> {
                    ResultsView current = results.current();
                    if (current != null) {
                        showExport(current.viewModel().runId());
                        return;
                    }
                    CompareView comparison = comparisons.current();
                    Runnable export = comparison == null ? null : comparisonExports.get(comparison);
                    if (export != null) export.run();
                    else if (comparison != null) {
                        window.status("A report is exported from this workspace's history: open the report folders you"
                                + " compare to read theirs, or compare two runs of the history.");
                    } else {
                        // The key did nothing before: say what it exports and where to get one.
                        window.status("Nothing to export here: Ctrl+E exports the report of the results tab or the"
                                + " comparison shown; show one, or open a run from the history (Ctrl+H, then Enter).");
                    }
                });
    }

    private Button exportButton(ResultsView view) {
        Button b = new Button("Export report…", new FontIcon("fth-file-text"));
        b.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        b.setId("export-report-button");
        b.setTooltip(new Tooltip("Export this run's report (JSON, Markdown, HTML), signed if you choose a key (Ctrl+E)"));
        b.setOnAction(e -> showExport(view.viewModel().runId()));
        return b;
    }

    private Button comparisonExportButton(Runnable export) {
        Button b = new Button("Export report…", new FontIcon("fth-file-text"));
        b.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        b.setId("compare-export-report");
        b.setTooltip(new Tooltip("Export the second run's report compared with the first (JSON, Markdown, HTML), signed if"
                + " you choose a key (Ctrl+E)"));
        b.setOnAction(e -> export.run());
        return b;
    }

    /** Opens the report's page {@code file} in the desktop's browser; the status line says how it went. */
    private void openInBrowser(Path file) {
        window.openOnDesktop(file, "in its browser", runner);
    }

    /** Opens (or selects) the export tab of run {@code runId}. */
    public void showExport(String runId) {
        showExport(runId, null);
    }

    /**
     * Opens (or selects) the export tab of run {@code runId}, comparing with run {@code baselineId} (a comparison's
     * first run), or with the run tagged main when null.
     */
    public void showExport(String runId, String baselineId) {
        String key = baselineId == null ? runId : runId + " against " + baselineId;
        Tab tab = exports.get(key);
        if (tab == null || !window.tabs().getTabs().contains(tab)) {
            ExportViewModel vm = new ExportViewModel(runner, history::store, env, session::folder, runId, keys, baselineId);
            tab = new Tab("Report · run " + ExportViewModel.shortId(runId)
                    + (baselineId == null ? "" : " vs " + ExportViewModel.shortId(baselineId)),
                    new ExportView(vm, this::verify, this::openInBrowser,
                            folder -> window.openOnDesktop(folder, "in its file manager", runner)));
            // Nothing here uses the detail pane: the tables and charts take its width.
            dev.evalbench.app.shell.MainWindow.wantsWholeWidth(tab);
            tab.setId("export-tab-" + runId + (baselineId == null ? "" : "-vs-" + baselineId));
            exports.put(key, tab);
            window.tabs().getTabs().add(tab);
            keys.refresh();
            vm.loadBaselines();
        }
        window.tabs().getSelectionModel().select(tab);
    }

    /** The envelope of the signed report opened last from a file, which a new verify tab verifies first; or null. */
    private Path offered;

    /** A signed report was opened from a file: "Verify report…" verifies its envelope when it opens a new tab. */
    public void offer(Path envelope) {
        this.offered = envelope;
    }

    /** Opens (or selects) the verify tab; a new one verifies the signed report opened last, if any. */
    public VerifyViewModel showVerify() {
        if (verifyTab == null || !window.tabs().getTabs().contains(verifyTab)) {
            verify = new VerifyViewModel(runner, keys, session::folder);
            if (offered != null) verify.open(offered);
            verifyTab = new Tab("Verify report", new VerifyView(verify));
            // Nothing here uses the detail pane: the tables and charts take its width.
            dev.evalbench.app.shell.MainWindow.wantsWholeWidth(verifyTab);
            verifyTab.setId("verify-tab");
            window.tabs().getTabs().add(verifyTab);
            keys.refresh();
        }
        window.tabs().getSelectionModel().select(verifyTab);
        return verify;
    }

    /** Opens (or selects) the verify tab and verifies {@code envelope} there. */
    public void verify(Path envelope) {
        showVerify().open(envelope);
    }
}
