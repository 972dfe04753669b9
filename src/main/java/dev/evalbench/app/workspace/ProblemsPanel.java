package dev.evalbench.app.workspace;

import dev.evalbench.app.fx.CopyButton;
import dev.evalbench.core.workspace.InputError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The problems of the open workspace, at the bottom of the window: one row per validation error with file,
 * line and column, then one per warning (a text changed under a revision a stored run used: the workspace runs,
 * but the history would tell two texts apart only by hash), and the counts in the header ("Problems (3)",
 * "Problems (0) · 1 warning"). A click (or Enter) opens the file at that place; Ctrl+C and the list's menu copy a
 * problem as its row says it, the menu every row too. It opens itself when a row
 * appears and closes itself when the last one is gone, unless the user opened or closed it in between (it kept
 * 170 px of an emptied list under the comparison). Controls only. FX thread only.
 */
public final class ProblemsPanel extends TitledPane {
    /** A row: an error, or a warning (drawn with its own icon, listed after the errors). */
    record Row(InputError error, boolean warning) {
        @Override
        public String toString() {
            return (warning ? "warning: " : "") + error;
        }
    }

    /** A row's height in pixels: one line of the theme's text and its padding. */
    static final double ROW_HEIGHT = 28;
    /** Rows shown before the list scrolls. */
    static final int SHOWN = 4;
    final ListView<Row> list = new ListView<>();
    /** Open because problems appeared, not because the user opened it: closes when they are gone. */
    private boolean openedForProblems;
    private boolean openingItself;

    public ProblemsPanel(ObservableList<InputError> problems, ObservableList<InputError> warnings, Consumer<InputError> open) {
        setId("problems-panel");
        ObservableList<Row> rows = FXCollections.observableArrayList();
        Runnable fill = () -> {
            List<Row> all = new ArrayList<>();
            problems.forEach(e -> all.add(new Row(e, false)));
            warnings.forEach(e -> all.add(new Row(e, true)));
            // The same problems read again (the watcher saw the file written twice) leave the rows, and the row the
            // user is clicking, alone: replaced, the row's selection was gone between press and release.
            if (!rows.equals(all)) rows.setAll(all);
        };
        fill.run();
        problems.addListener((ListChangeListener<InputError>) c -> fill.run());
        warnings.addListener((ListChangeListener<InputError>) c -> fill.run());
        textProperty().bind(Bindings.createStringBinding(() -> "Problems (" + problems.size() + ")"
                + (warnings.isEmpty() ? "" : " · " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings")),
                problems, warnings));
        list.setId("problems-list");
        list.setItems(rows);
        // As tall as its rows, up to SHOWN of them: one problem under a comparison took 110 px, its case list a row.
        list.setFixedCellSize(ROW_HEIGHT);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(SHOWN, Math.max(1, rows.size())) * ROW_HEIGHT + 4, rows));
        list.setPlaceholder(new Label("No problems: the workspace loads and every case renders."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.toString());
                setGraphic(empty || row == null ? null : new FontIcon(row.warning() ? "fth-alert-triangle" : "fth-x-circle"));
            }
        });
        list.setOnMouseClicked(e -> {
            Row chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) open.accept(chosen.error());
        });
        list.setOnKeyPressed(e -> {
            Row chosen = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) open.accept(chosen.error());
            if (e.getCode() == KeyCode.C && e.isShortcutDown() && chosen != null) CopyButton.toClipboard(chosen.toString());
        });
        javafx.scene.control.ContextMenu menu = menu(rows, open);
        list.setContextMenu(menu);
        dev.evalbench.app.fx.ContextMenuKeys.install(list, menu, () -> list.getSelectionModel().getSelectedIndex());
        setContent(list);
        // open by default only while there is something to read
        setExpanded(!rows.isEmpty());
        openedForProblems = !rows.isEmpty();
        expandedProperty().addListener((o, was, now) -> {
            if (!openingItself) openedForProblems = false; // the user's choice from now on
        });
        rows.addListener((ListChangeListener<Row>) c -> {
            if (!rows.isEmpty() && !isExpanded()) {
                expandItself(true);
                openedForProblems = true;
            } else if (rows.isEmpty() && openedForProblems) {
                expandItself(false);
                openedForProblems = false;
            }
        });
    }

    /**
     * The list's menu (right click, Shift+F10): the selected problem opened or copied as the row says it, or every
     * row copied, one a line, for a bug report or a message to whoever broke the file.
     */
    private javafx.scene.control.ContextMenu menu(ObservableList<Row> rows, Consumer<InputError> open) {
        javafx.scene.control.MenuItem openIt = new javafx.scene.control.MenuItem("Open (Enter)", new FontIcon("fth-edit-3"));
        openIt.setId("problems-open");
        openIt.setOnAction(e -> open.accept(list.getSelectionModel().getSelectedItem().error()));
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy (Ctrl+C)", new FontIcon("fth-copy"));
        copy.setId("problems-copy");
        copy.setOnAction(e -> CopyButton.toClipboard(list.getSelectionModel().getSelectedItem().toString()));
        javafx.scene.control.MenuItem copyAll = new javafx.scene.control.MenuItem("Copy all");
        copyAll.setId("problems-copy-all");
        copyAll.setOnAction(e -> CopyButton.toClipboard(String.join("\n", rows.stream().map(Row::toString).toList())));
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(openIt, copy, copyAll);
        menu.setOnShowing(e -> {
            boolean none = list.getSelectionModel().getSelectedItem() == null;
            openIt.setDisable(none);
            copy.setDisable(none);
            copyAll.setDisable(rows.isEmpty());
        });
        return menu;
    }

    private void expandItself(boolean expanded) {
        openingItself = true;
        try {
            setExpanded(expanded);
        } finally {
            openingItself = false;
        }
    }
}
