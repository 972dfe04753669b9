package dev.evalbench.app.shell;

import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The one window's frame, and nothing else: a tool bar; the workspace and the run history on the left; tabs
 * in the centre; the detail of the selection on the right; problems and the run bar at the bottom. Features
 * fill the slots; the frame knows none of them. FX thread only.
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final ToolBar toolBar = new ToolBar();
    private final SplitPane main = new SplitPane();
    private final SplitPane left = new SplitPane();
    private final TabPane tabs = new TabPane();
    private final TabMemory tabMemory = new TabMemory(tabs);
    private final StackPane detail = new StackPane();
    private final StackPane workspaceSlot = new StackPane();
    private final StackPane runsSlot = new StackPane();
    private final VBox bottom = new VBox();
    private final HBox statusBar = new HBox(12);
    private final Label status = new Label();
    private final Scene scene;
    private final Shortcuts shortcuts;
    /** The main dividers as laid out with the detail pane, kept while a whole-width tab hides it; else null. */
    private double[] mainWithDetail;
    /** The left column's divider fraction before {@link #toggleLeftColumn} hid it; 0 when it was not hidden so. */
    private double leftBeforeHidden;
    private static final String WHOLE_WIDTH = "evalbench.wholeWidth";
    /**
     * A divider fraction at or below which the left column counts as hidden: a few pixels of the window (a divider
     * set to 0 rests half its own width from the edge, 0.0016 of a 1280-pixel window).
     */
    private static final double HIDDEN = 0.005;
    /** The key under which a tab keeps its detail ({@link #showDetail}). */
    private static final String DETAIL = "evalbench.detail";

    private final java.util.List<java.util.function.Supplier<Runnable>> atStop = new java.util.ArrayList<>();
    private java.util.function.Consumer<String> documents = uri -> {
        throw new IllegalStateException("no browser is known to this window");
    };

    /** What the shortcut sheet says of the application under its list: version, Java, JavaFX. */
    private String about = "";

    /**
     * Sets the line under the shortcut sheet's list ("Evalbench 0.1.0 · Java 17.0.17 · JavaFX 21.0.11"), read off the
     * FX thread by whoever starts the window (the version is a resource of the jar).
     */
    public void about(String line) {
        this.about = line == null ? "" : line;
    }

    public MainWindow() {
        left.setOrientation(Orientation.VERTICAL);
        left.getItems().addAll(workspaceSlot, runsSlot);
        left.setDividerPositions(defaultDividers("left"));
        // The column may be hidden whole (Ctrl+B), its divider at the window's edge, from where it can be dragged back.
        left.setMinWidth(0);
        detail.getChildren().setAll(placeholder("Select a case, a gate or a revision to see its detail here."));
        detail.setMinWidth(0);
        detail.setId("detail-pane");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        TabMenu.install(tabs);
        Label hint = emptyCentre();
        hint.setId("empty-centre-hint");
        StackPane centre = new StackPane(hint, tabs);
        // Either the hint or the tabs, never both: a tab's transparent gaps would show the hint through.
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));
        hint.visibleProperty().bind(tabs.visibleProperty().not());
        main.getItems().addAll(left, centre, detail);
        main.setDividerPositions(defaultDividers("main"));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            fitDetailTo(now);
            setDetail(now != null ? (Node) now.getProperties().get(DETAIL) : null);
        });
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(detail, false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setId("status-message");
        dev.evalbench.app.fx.WholeText.install(status);
        statusBar.getChildren().addAll(status, spacer);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setStyle("-fx-padding: 4 8 4 8;");
        bottom.getChildren().add(statusBar);
        root.setTop(toolBar);
        root.setCenter(main);
        root.setBottom(bottom);
        scene = new Scene(root);
        shortcuts = new Shortcuts(scene);
        Runnable sheet = () -> ShortcutSheet.show(scene.getWindow(), shortcuts.entries(), about);
        shortcuts.add(new KeyCodeCombination(KeyCode.F1), "Window", "Show this list of shortcuts", sheet);
        shortcuts.add(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), "Window",
                "Hide or show the workspace and runs column", this::toggleLeftColumn);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHIFT_DOWN), sheet);
        // One Ctrl+F for every tab with a filter: it was the results' alone, and a comparison's "Filter (Ctrl+F)"
        // did nothing.
        shortcuts.add(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), "Window",
                "Filter the tab shown (results, comparison, dataset), or find in its file (a template, a read-only file;"
                        + " F3 finds the next)", () -> {
                    Tab shown = tabs.getSelectionModel().getSelectedItem();
                    if (shown != null && shown.getContent() instanceof dev.evalbench.app.fx.Filterable f) f.focusFilter();
                });
        // Each filter box, find field and dialog handles Esc itself; listed so that the sheet says what Esc does.
        shortcuts.listOnly(new KeyCodeCombination(KeyCode.ESCAPE), "Window",
                "Clear the filter or find field being typed in (the whole list again); close a dialog, a menu or this list");
    }

    /**
     * Marks a tab that shows its own detail side by side (a comparison): while it is selected the detail pane
     * steps aside and gives the centre its width; it comes back, as it was, when another tab is selected.
     */
    public static void wantsWholeWidth(Tab tab) {
        tab.getProperties().put(WHOLE_WIDTH, Boolean.TRUE);
    }

    /**
     * Hides the left column (the workspace and the runs) and gives its width to the tabs, or brings it back as wide
     * as it was (the default width when it was hidden at the last start). Hidden, its divider rests at the window's
     * edge, so the layout kept at exit ({@link #dividers}) keeps it hidden and a drag brings it back too.
     */
    public void toggleLeftColumn() {
        double now = main.getDividerPositions()[0];
        double to;
        if (now > HIDDEN) {
            leftBeforeHidden = now;
            to = 0;
        } else {
            to = leftBeforeHidden > HIDDEN ? leftBeforeHidden : defaultDividers("main")[0];
            leftBeforeHidden = 0;
        }
        main.setDividerPosition(0, to);
        // While a whole-width tab holds the detail pane aside, its layout is the one that comes back.
        if (mainWithDetail != null) mainWithDetail[0] = to;
    }

    /** Brings the left column back if it is hidden (a key that goes to the workspace or the runs). */
    public void revealLeftColumn() {
        if (leftColumnHidden()) toggleLeftColumn();
    }

    /** True while the left column is hidden: its divider at the window's edge. */
    public boolean leftColumnHidden() {
        return main.getDividerPositions()[0] <= HIDDEN;
    }

    /** True while the detail pane is shown (no whole-width tab selected). */
    public boolean detailShown() {
        return main.getItems().contains(detail);
    }

    private void fitDetailTo(Tab selected) {
        boolean whole = selected != null && Boolean.TRUE.equals(selected.getProperties().get(WHOLE_WIDTH));
        if (whole && detailShown()) {
            mainWithDetail = main.getDividerPositions();
            main.getItems().remove(detail);
            main.setDividerPositions(mainWithDetail[0]);
        } else if (!whole && !detailShown()) {
            main.getItems().add(detail);
            main.setDividerPositions(mainWithDetail);
            mainWithDetail = null;
        }
    }

    /** A pane's divider fractions as the user laid it out, counting the detail pane even while it steps aside. */
    public double[] dividers(String pane) {
        return "main".equals(pane) && mainWithDetail != null ? mainWithDetail.clone() : splitPanes().get(pane).getDividerPositions();
    }

    /** Lays a pane out with remembered fractions ({@link #dividers}' form); ignores a layout of another shape. */
    public void setDividers(String pane, double[] positions) {
        if (positions == null || positions.length != defaultDividers(pane).length) return;
        if ("main".equals(pane) && mainWithDetail != null) {
            mainWithDetail = positions.clone();
            main.setDividerPositions(positions[0]);
        } else {
            splitPanes().get(pane).setDividerPositions(positions);
        }
    }

    /** Divider fractions of a split pane when nothing was remembered. */
    public double[] defaultDividers(String pane) {
        return "main".equals(pane) ? new double[] {0.2, 0.74} : new double[] {0.55};
    }

    private static Label emptyCentre() {
        Label hint = placeholder("Open a template or a dataset from the workspace (double-click), or a run from the "
                + "history. Ctrl+R runs the suites; F1 lists every shortcut.");
        hint.setMaxWidth(420);
        return hint;
    }

    static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("text-muted");
        return label;
    }

    public Scene scene() {
        return scene;
    }

    /**
     * Registers work a feature does as the app stops without asking anyone (a signal; a closed window has asked
     * already): {@code work} is called on the FX thread to gather what to keep, and returns the file work, which
     * runs on the thread that writes the settings, before the process exits.
     */
    public void atStop(java.util.function.Supplier<Runnable> work) {
        atStop.add(work);
    }

    /**
     * The file work of every {@link #atStop} registration, gathered now. A registration whose gathering fails is
     * handed to {@code failed} and left out; the others still give theirs. A linkage error counts too: a jar
     * replaced in place under the running window (an upgrade, a rebuild) fails the first class loaded after it. FX
     * thread.
     */
    public java.util.List<Runnable> stopping(java.util.function.Consumer<Throwable> failed) {
        java.util.List<Runnable> work = new java.util.ArrayList<>();
        for (java.util.function.Supplier<Runnable> each : atStop) {
            try {
                work.add(each.get());
            } catch (RuntimeException | LinkageError e) {
                failed.accept(e);
            }
        }
        return work;
    }

    public Shortcuts shortcuts() {
        return shortcuts;
    }

    public ToolBar toolBar() {
        return toolBar;
    }

    /** Which tabs are opened again at the next start, and how. */
    public TabMemory tabMemory() {
        return tabMemory;
    }

    public TabPane tabs() {
        return tabs;
    }

    public void setWorkspaceView(Node view) {
        workspaceSlot.getChildren().setAll(view);
    }

    public void setRunsView(Node view) {
        runsSlot.getChildren().setAll(view);
    }

    /**
     * Makes {@code view} the detail of what is selected in {@code owner}'s tab; null, the empty hint. The pane shows
     * it while that tab is selected, and again whenever it is selected later: each tab keeps its own detail, so a
     * tab never shows another's (a gate of an older run beside a newer run's table), and a detail that arrives
     * after its tab lost the selection (a case masked in a task) waits for it. FX thread.
     */
    public void showDetail(Tab owner, Node view) {
        if (view == null) owner.getProperties().remove(DETAIL);
        else owner.getProperties().put(DETAIL, view);
        if (owner.isSelected()) setDetail(view);
    }

    /** What {@code owner}'s tab shows in the detail pane, or null for the empty hint. FX thread. */
    public Node detailOf(Tab owner) {
        return (Node) owner.getProperties().get(DETAIL);
    }

    /**
     * Takes {@code shown} out of {@code owner}'s detail when it is what the tab shows (a case's pane whose case left
     * the selection), leaving any other detail: a gate chosen meanwhile narrows the table, which drops the selected
     * case after the gate's detail was put up, and that must not blank it. FX thread.
     */
    public void clearDetail(Tab owner, Node shown) {
        if (owner.getProperties().get(DETAIL) == shown) showDetail(owner, null);
    }

    private void setDetail(Node view) {
        // Showing the pane already shown is free: taking it out and in again would restyle its whole tree.
        if (view != null && detail.getChildren().size() == 1 && detail.getChildren().get(0) == view) return;
        detail.getChildren().setAll(view != null ? view
                : placeholder("Select a case, a gate or a revision to see its detail here."));
    }

    /** A panel above the status bar (problems), added once by the feature that owns it. */
    public void addBottomPanel(Node panel) {
        bottom.getChildren().add(bottom.getChildren().size() - 1, panel);
    }

    /** A control on the right of the status bar (the run bar). */
    public void addStatusItem(Node item) {
        statusBar.getChildren().add(item);
    }

    /** One line of news: a saved revision, a failed load. Replaces the previous one. */
    public void status(String message) {
        status.setText(message);
    }

    /** Clears the status line if it still says {@code message} (no longer true); a later message stays. */
    public void withdrawStatus(String message) {
        if (message.equals(status.getText())) status.setText("");
    }

    /**
     * Sets what opens a document (a file's URI) in the user's browser or viewer: the desktop's opener in the
     * running app ({@link DesktopOpener}), a recorder in tests. It starts a process and waits for it, so callers hand
     * it to a task runner, never call it on the FX thread; it throws, saying why, when it cannot open the document.
     */
    public void documentOpener(java.util.function.Consumer<String> opener) {
        this.documents = opener;
    }

    /** What opens a document (see {@link #documentOpener}); none until the application sets one. */
    public java.util.function.Consumer<String> documentOpener() {
        return documents;
    }

    /**
     * Asks the desktop to open {@code target} (a report's page, a file's folder) with the {@link #documentOpener} on
     * {@code runner}, since the opener starts a process and waits for it; the status line then says it asked
     * ("Asked the desktop to open TARGET " + {@code where} + "."), or why it could not, naming the target for the
     * reader to open by hand. FX thread.
     */
    public void openOnDesktop(java.nio.file.Path target, String where, dev.evalbench.app.fx.TaskRunner runner) {
        String uri = target.toUri().toString();
        java.util.function.Consumer<String> opener = documents;
        dev.evalbench.app.fx.BackgroundTask.of(() -> {
            opener.accept(uri);
            return target;
        }).onSuccess(opened -> status("Asked the desktop to open " + opened + " " + where + "."))
                .onFailure(e -> status("Cannot open " + target + " " + where + ": " + e.getMessage() + "."))
                .executeWith(runner);
    }

    /** The split panes whose divider positions are remembered, by name. */
    public Map<String, SplitPane> splitPanes() {
        return Map.of("main", main, "left", left);
    }
}
