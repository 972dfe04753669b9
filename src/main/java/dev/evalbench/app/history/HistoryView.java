package dev.evalbench.app.history;

import atlantafx.base.theme.Styles;
import dev.evalbench.app.fx.DisabledTooltip;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The RUNS list on the left: a search box, every run newest first, and buttons to open a run's results
 * (also double-click or Enter), tag it as the baseline ({@code main}) and resume it when incomplete. Bound to
 * a {@link HistoryViewModel}; opening and resuming are handed to the callbacks. FX thread only.
 */
public final class HistoryView extends VBox {
    private final ListView<RunRow> list = new ListView<>();
    /** The row's buttons, wrapping onto a second line in a column narrower than the six of them. */
    private final javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(4, 4);
    /** The row's buttons, in order (each sits in its {@link DisabledTooltip} pane); the list's menu repeats them. */
    private final List<Button> buttons = new ArrayList<>();
    private final javafx.beans.property.BooleanProperty workspaceOpen =
            new javafx.beans.property.SimpleBooleanProperty(this, "workspaceOpen", true);

    public HistoryView(HistoryViewModel vm, Consumer<RunRow> open, Consumer<RunRow> resume, String baselineTag) {
        super(4);
        setId("history-view");
        setStyle("-fx-padding: 4;");
        // No minimum width of its own: the column may be dragged narrower than the six buttons' row (which then wraps),
        // and a minimum held the view wider than the column, its left side cut off ("UNS", the runs' first letters).
        setMinWidth(0);
        Label title = new Label("RUNS");
        title.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
        TextField search = new TextField();
        search.setId("history-search");
        search.setPromptText("Search runs");
        search.textProperty().bindBidirectional(vm.searchProperty());
        list.setId("history-list");
        list.setItems(vm.shown());
        list.setFixedCellSize(42);
        list.setCellFactory(l -> new RunCell(vm.zone()));
        list.setPlaceholder(placeholder(vm));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected() != null) open.accept(selected());
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) open.accept(selected());
        });
        keepSelectionAcrossRefreshes();
        VBox.setVgrow(list, Priority.ALWAYS);
        Button openButton = button("history-open", "fth-external-link", "Open", "Open the results of the selected run (Enter)");
        openButton.setOnAction(e -> open.accept(selected()));
        place(openButton, run -> true, null);
        Button tag = button("history-tag", "fth-tag", "Tag " + baselineTag, "Tag the selected run " + baselineTag + ": later runs are gated against it");
        tag.setOnAction(e -> vm.tag(selected(), baselineTag));
        // A traffic or shadow run holds production's requests: runs gated against it matched none of its cases.
        place(tag, run -> run.kind().isEmpty(), "This is a traffic or shadow run (production's requests, not the eval "
                + "cases): runs gated against it would match none of its cases. Tag an eval run " + baselineTag + ".");
        Button resumeButton = button("history-resume", "fth-play-circle", "Resume", "Finish the selected incomplete run");
        resumeButton.setOnAction(e -> resume.accept(selected()));
        place(resumeButton, RunRow::resumable, "This run is complete: only an incomplete run can be resumed.");
        Label problem = new Label();
        problem.setId("history-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        // Every line of it: the list below it grows into the column's height and would squeeze it to one cut line.
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, search, list, actions, problem);
        list.setContextMenu(actionsMenu(vm));
        dev.evalbench.app.fx.ContextMenuKeys.install(list, list.getContextMenu(),
                () -> list.getSelectionModel().getSelectedIndex());
    }

    /**
     * The row buttons again as the list's context menu (right click, Shift+F10), in words rather than icons, with
     * "Copy run id" for the command line ({@code evalbench report RUN}) and "Remove tag" for each of the run's tags.
     * Made as it opens, from the buttons as they are then (those other features added, each enabled as its button is).
     */
    private javafx.scene.control.ContextMenu actionsMenu(HistoryViewModel vm) {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId("history-menu");
        // Never empty, even before it first opens: a control shows no context menu that has no items.
        fill(menu, vm);
        menu.setOnShowing(e -> fill(menu, vm));
        return menu;
    }

    private void fill(javafx.scene.control.ContextMenu menu, HistoryViewModel vm) {
        menu.getItems().clear();
        for (Button b : buttons) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(b.getAccessibleText(),
                    b.getGraphic() instanceof FontIcon icon ? new FontIcon(icon.getIconLiteral()) : null);
            item.setId(b.getId() + "-item");
            item.setDisable(b.isDisable());
            item.setOnAction(a -> b.fire());
            menu.getItems().add(item);
        }
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy run id", new FontIcon("fth-copy"));
        copy.setId("history-copy-id");
        copy.setDisable(selected() == null);
        copy.setOnAction(a -> {
            dev.evalbench.app.fx.CopyButton.toClipboard(selected().id());
        });
        menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), copy);
        // A tag put on the wrong run, or main taken away to gate without a baseline (`evalbench tag --delete TAG`).
        RunRow run = selected();
        if (run == null || run.header().tags().isEmpty()) return;
        menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        for (String tag : run.header().tags()) {
            javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem("Remove tag " + tag, new FontIcon("fth-x"));
            remove.setId("history-untag-" + tag);
            remove.setMnemonicParsing(false); // a tag such as release_1 read as written
            remove.setOnAction(a -> vm.untag(tag));
            menu.getItems().add(remove);
        }
    }

    /** Adds an icon button that acts on the selected run, disabled while none is selected (compare, for one). */
    public Button addAction(String id, String icon, String text, String tip, Consumer<RunRow> action) {
        return addAction(id, icon, text, tip, action, run -> true, null);
    }

    /**
     * Adds an icon button that acts on the selected run, enabled only while the selected run is one it
     * {@code applies} to; while it is not, its tooltip adds {@code whyNot}.
     */
    public Button addAction(String id, String icon, String text, String tip, Consumer<RunRow> action,
                            Predicate<RunRow> applies, String whyNot) {
        Button b = button(id, icon, text, tip);
        b.setOnAction(e -> action.accept(selected()));
        place(b, applies, whyNot);
        return b;
    }

    /**
     * Puts {@code b} at the end of the row, enabled while a run is selected and {@code applies} to it. Its tooltip
     * (its words: the button shows only an icon) shows while it is disabled too ({@link DisabledTooltip}), and then
     * says why: no run is selected, or {@code whyNot}.
     */
    private void place(Button b, Predicate<RunRow> applies, String whyNot) {
        var selection = list.getSelectionModel().selectedItemProperty();
        String words = b.getAccessibleText() + ": " + b.getAccessibleHelp();
        b.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selection.get() == null || !applies.test(selection.get()), selection));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> selection.get() == null
                ? words + "\nSelect a run in the list first."
                : applies.test(selection.get()) ? words : words + "\n" + whyNot, selection));
        b.setTooltip(tip);
        buttons.add(b);
        actions.getChildren().add(DisabledTooltip.wrap(b));
    }

    /** An icon button (the RUNS column is narrow); its words are in the tooltip and for screen readers. */
    private static Button button(String id, String icon, String text, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        b.setAccessibleText(text);
        b.setAccessibleHelp(tip);
        return b;
    }

    /**
     * The history is read again after a run, a tag or a resume, and its rows are new objects: the run that was
     * selected is selected again (by id), so "Tag main" and the buttons beside it still act on it.
     */
    private void keepSelectionAcrossRefreshes() {
        String[] kept = new String[1];
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) kept[0] = now.id();
        });
        list.getItems().addListener((javafx.collections.ListChangeListener<RunRow>) c -> {
            selectFollowed();
            if (selected() != null || kept[0] == null) return;
            list.getItems().stream().filter(r -> r.id().equals(kept[0])).findFirst()
                    .ifPresent(r -> list.getSelectionModel().select(r));
        });
    }

    /** A run whose row the list selects once it lists it ({@link #follow}); null when none is waited for. */
    private String following;

    /**
     * Selects the row of the run shown in the centre (its results tab selected): "Tag main" and the buttons beside it
     * then act on the run one is looking at, not on the row selected before (a run just finished in the window left
     * the earlier run selected, and Tag main tagged that one). A run not listed yet (it has just finished and the
     * history is being read again) is selected once it is. Picking another row stays the reader's choice.
     */
    public void follow(String runId) {
        following = runId;
        selectFollowed();
    }

    private void selectFollowed() {
        if (following == null) return;
        for (RunRow r : list.getItems()) {
            if (!r.id().equals(following)) continue;
            following = null;
            if (r != selected()) {
                list.getSelectionModel().select(r);
                list.scrollTo(r);
            }
            return;
        }
    }

    private RunRow selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    public ListView<RunRow> list() {
        return list;
    }

    /**
     * What the empty list says, wrapped to the pane's width (the pane is narrow): how to open a workspace while
     * none is, how to make a first run while the history has none, and that the search matched nothing once it
     * has some.
     */
    private Label placeholder(HistoryViewModel vm) {
        Label empty = new Label();
        empty.setId("history-empty");
        empty.setWrapText(true);
        empty.setStyle("-fx-padding: 8;");
        empty.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> !workspaceOpen.get()
                        ? "No workspace open: Ctrl+O opens one, Ctrl+N makes a new one."
                        : vm.rows().isEmpty() && !vm.problemProperty().get().isEmpty()
                        ? "No runs to list: the history could not be read (below)."
                        : vm.rows().isEmpty()
                        ? "No runs yet: Ctrl+R runs the workspace."
                        : "No run matches \"" + java.util.Objects.toString(vm.searchProperty().get(), "").strip()
                                + "\".",
                vm.rows(), vm.searchProperty(), workspaceOpen, vm.problemProperty()));
        return empty;
    }

    /** Whether a workspace is open (its history is listed); while none is, the empty list says how to open one. */
    public javafx.beans.property.BooleanProperty workspaceOpenProperty() {
        return workspaceOpen;
    }
}
