package dev.evalbench.app.open;

import dev.evalbench.app.compare.CompareTabs;
import dev.evalbench.app.compare.RunChoice;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.app.gates.RunGating;
import dev.evalbench.app.shell.MainWindow;
import dev.evalbench.app.workspace.WorkspaceSession;
import dev.evalbench.core.service.OpenedRun;
import dev.evalbench.core.service.RunFiles;
import dev.evalbench.core.workspace.Workspace;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Opens what CI produced, read-only and without a history: an exported run file, a report folder (or its
 * report.json) or a signed envelope, chosen with "Open run file…" (Ctrl+Shift+O), dropped on the window, or
 * named by {@code evalbench open FILE}. A canary or shadow report folder opens as its verdict ({@link VerdictView}).
 * One run opens in a read-only results tab (a signed report's with "Verify signature…"), and a report folder
 * written against a baseline (which it brings) opens on that comparison too; two opened together open their
 * comparison (the first as the baseline side). Reading happens on the task runner; a file that is neither says
 * so in the status line, naming the file. Installed once by the application; FX thread.
 */
public final class OpenFeature {
    private MainWindow window;
    private TaskRunner runner;
    private CompareTabs compare;
    private OpenedRunTabs tabs;

    /** Opens the verify tab on a signed report's envelope; nothing when the window has none. */
    private java.util.function.Consumer<Path> verify = envelope -> {};
    /** Told of each signed report opened (its envelope), so "Verify report…" offers the report in view. */
    private java.util.function.Consumer<Path> signedReportOpened = envelope -> {};

    /**
     * @param atStart  runs {@code evalbench open FILE} already read, shown at once
     * @param verify   opens the verify tab on an envelope (a signed report's results tab has a button for it)
     * @param signedReportOpened told of the envelope of each signed report opened
     */
    public void install(MainWindow window, TaskRunner runner, WorkspaceSession session, Map<String, String> env,
                        CompareTabs compare, List<OpenedRun> atStart, java.util.function.Consumer<Path> verify,
                        java.util.function.Consumer<Path> signedReportOpened) {
        this.verify = verify;
        this.signedReportOpened = signedReportOpened;
        this.window = window;
        this.runner = runner;
        this.compare = compare;
        AtomicReference<Workspace> openWorkspace = new AtomicReference<>(session.workspace());
        RunGating gating = new RunGating(env, openWorkspace::get, compare.reports()::recordedGates);
        tabs = new OpenedRunTabs(window, runner, compare, gating, openWorkspace::get);
        session.workspaceProperty().addListener((o, was, now) -> {
            openWorkspace.set(now);
            // A file's run has no stored inputs here: its gates are the open workspace's, which just (re)loaded.
            tabs.regateAll();
        });
        Button open = new Button("Open run file…", new FontIcon("fth-file-text"));
        open.setId("open-run-file");
        open.setTooltip(new Tooltip("Open an exported run, a report folder's report.json or its envelope, read-only (Ctrl+Shift+O)"));
        open.setOnAction(e -> choose());
        window.toolBar().getItems().add(open);
        window.shortcuts().add(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                "Review", "Open a run file or report read-only", this::choose);
        window.scene().addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
        });
        window.scene().addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            if (!e.getDragboard().hasFiles()) return;
            open(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });
        if (!atStart.isEmpty()) showOnceRead(session, atStart);
    }

    /**
     * The files the app was started with, shown once the workspace it opens beside them is read: their cases are
     * listed in its order, their gates are its gates. The window opens its workspace after the features are
     * installed, in the same event; so the question is asked in a later one.
     */
    private void showOnceRead(WorkspaceSession session, List<OpenedRun> runs) {
        runner.afterThisEvent(() -> {
            if (!session.loadingProperty().get()) {
                show(runs);
                return;
            }
            session.loadingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                    if (now) return;
                    o.removeListener(this);
                    show(runs);
                }
            });
        });
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a run file or a report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Runs and reports (*.json)", "*.json"));
        List<File> files = chooser.showOpenMultipleDialog(window.scene().getWindow());
        if (files != null) open(files.stream().map(File::toPath).toList());
    }

    /** Reads the files off the UI thread and shows them: one as a run, two as their comparison. */
    public void open(List<Path> files) {
        window.status("Opening " + files.size() + (files.size() == 1 ? " file…" : " files…"));
        BackgroundTask.of(() -> {
            List<OpenedRun> runs = new ArrayList<>();
            for (Path f : files) runs.add(RunFiles.open(f));
            return runs;
        }).onSuccess(this::show).onFailure(e -> window.status("Cannot open: " + e.getMessage())).executeWith(runner);
    }

    /** What a signed report whose report.json changed since signing is called beside its name. */
    static final String NOT_AS_SIGNED = "[NOT AS SIGNED]";

    private void show(List<OpenedRun> runs) {
        List<String> changedSinceSigned = new ArrayList<>();
        List<RunChoice> choices = new ArrayList<>();
        List<Path> envelopes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (OpenedRun run : runs) {
            if (run.isVerdict()) {
                showVerdict(run);
                names.add(run.describe() + (run.notAsSigned() == null ? "" : " " + NOT_AS_SIGNED));
                if (run.notAsSigned() != null) changedSinceSigned.add(run.notAsSigned());
                continue;
            }
            String id = compare.opened().add(run.run(), run.templates());
            if (run.reportGates() != null) compare.reports().recordGates(id, run.reportGates());
            // A signed report whose files are not the ones signed says so wherever it is named (the comparison's
            // runs line, the tabs' tooltips), not only after "Verify".
            String label = run.kind() + " " + id + " (" + run.opened().getFileName() + ")"
                    + (run.notAsSigned() == null ? "" : " " + NOT_AS_SIGNED);
            if (run.notAsSigned() != null) changedSinceSigned.add(run.notAsSigned());
            compare.nameOpened(id, label);
            names.add(label);
            choices.add(RunChoice.ofFile(id, label, compare::opened));
            envelopes.add(run.envelope());
            if (run.envelope() != null) signedReportOpened.accept(run.envelope());
            if (run.hasBaseline()) names.set(names.size() - 1, label + " with its baseline " + broughtBaseline(run, id));
            if (run.baselineUnread() != null) {
                compare.reports().noteUnreadBaseline(id, run.baselineUnread());
                names.set(names.size() - 1, label + " alone (its comparison with its baseline cannot be opened: "
                        + run.baselineUnread() + ")");
            }
        }
        window.status("Opened " + String.join(", ", names) + " read-only."
                + (changedSinceSigned.isEmpty() ? "" : " Not as signed, so not to be trusted: "
                        + String.join("; ", changedSinceSigned) + "."));
        if (choices.size() == 2) {
            compare.open(choices.get(0), choices.get(1));
            return;
        }
        for (int i = 0; i < choices.size(); i++) {
            var view = tabs.open(choices.get(i));
            Path envelope = envelopes.get(i);
            if (envelope != null) view.addAction(verifyButton(envelope));
        }
        // A report folder that compared its run with a baseline opens on that comparison, as CI's reviewer reads it.
        if (runs.size() == 1 && runs.get(0).hasBaseline()) compare.compareWithBaseline(choices.get(0));
    }

    private Button verifyButton(Path envelope) {
        Button b = new Button("Verify signature…", new FontIcon("fth-shield"));
        b.getStyleClass().add(atlantafx.base.theme.Styles.SMALL);
        b.setId("opened-verify");
        b.setTooltip(new Tooltip("Verify " + envelope + ": its signatures, report.json and the records it binds"));
        b.setOnAction(e -> verify.accept(envelope));
        return b;
    }

    /**
     * Adds the baseline a report brought, with the gates its comparison recorded, as the report's "Baseline".
     *
     * @return the id the baseline was opened under
     */
    private String broughtBaseline(OpenedRun report, String reportId) {
        String baseId = compare.opened().add(report.baseline(), report.templates());
        if (report.baselineGates() != null) compare.reports().recordGates(baseId, report.baselineGates());
        compare.nameOpened(baseId, "baseline " + baseId + " of the report (" + report.opened().getFileName() + ")");
        compare.reports().linkBaseline(reportId, baseId);
        return baseId;
    }

    /** A canary or shadow report folder: its verdict in a tab, with its two runs one click from their comparison. */
    private void showVerdict(OpenedRun opened) {
        var r = opened.verdict();
        VerdictView view = new VerdictView(r, () -> compare.compareHistoryRuns(r.firstRunId(), r.secondRunId()));
        String second = r.secondRunId().length() > 15 ? r.secondRunId().substring(0, 15) : r.secondRunId();
        Tab tab = new Tab(r.kind() + " verdict " + second + (opened.notAsSigned() == null ? "" : " " + NOT_AS_SIGNED), view);
        tab.setId("verdict-tab");
        tab.setTooltip(new Tooltip(opened.describe()));
        window.tabs().getTabs().add(tab);
        window.tabs().getSelectionModel().select(tab);
    }
}
