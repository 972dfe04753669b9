package dev.evalbench.app.dataset;

import dev.evalbench.app.fx.AfterLayout;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The author's edits of a dataset's cases in its tab ({@link DatasetView}): the actions above the filter (Add, Edit,
 * Delete, New version…, Open in your editor), the same in the table's menu and on its keys (Insert, F2, Ctrl+D,
 * Delete), the sentence on what was written ({@link SavedLine}) and the edit under the table ({@link CaseEditPane});
 * a case asked for from elsewhere (a run's results, a problem's line) is opened once the table has read the file, and
 * the case just saved is selected again. {@link CaseEditModel} reads and writes. FX thread only.
 */
final class DatasetEditing {
    private final DatasetView view;
    private final DatasetModel model;
    private final CaseEditModel edits;
    private final Consumer<String> status;
    private final TableView<DatasetRow> table;
    /** True while a case is open to edit, or being read or saved: nothing else is opened over it. */
    private final BooleanExpression editing;
    /** A case to select (and perhaps edit) once the table has read the file: asked for before, or just saved. */
    private Pending pending;

    private record Pending(String suite, String id, boolean edit) {}

    DatasetEditing(DatasetView view, DatasetModel model, CaseEditModel edits, Runnable openElsewhere, Consumer<String> status) {
        this.view = view;
        this.model = model;
        this.edits = edits;
        this.status = status;
        this.table = view.table();
        this.editing = edits.editingProperty().or(edits.busyProperty());
        SavedLine saved = new SavedLine(edits, model);
        FlowPane actions = actions(saved, openElsewhere);
        view.top().getChildren().add(0, actions);
        // Above the actions: an edit kept at the last stop, offered until restored or discarded.
        view.top().getChildren().add(0, new dev.evalbench.app.editor.KeptEditsBar(edits));
        view.top().getChildren().add(saved);
        view.center().getChildren().add(new CaseEditPane(edits));
        menuItems();
        keys();
        model.loadsProperty().addListener((o, was, now) -> settlePending());
        // The case just saved is selected again once the table has read the file anew (its detail shows the saved text).
        edits.savedIdProperty().addListener((o, was, now) -> {
            if (now != null) pending = new Pending(null, now, false);
        });
        // A kept edit restored: its case selected, its detail beside, as when it is edited from the table.
        edits.restoredIdProperty().addListener((o, was, now) -> {
            if (now == null) return;
            pending = new Pending(null, now, false);
            settlePending();
        });
        edits.editingProperty().addListener((o, was, now) -> {
            // Back to the table once saved or cancelled, where the keys that walk it are.
            if (!now) table.requestFocus();
            // The pane takes the table's lower rows: the case being edited stays in sight once the table is laid out again.
            int selected = table.getSelectionModel().getSelectedIndex();
            if (now && selected >= 0) AfterLayout.runIn(table, () -> table.scrollTo(Math.max(0, selected - 2)));
        });
    }

    /**
     * The buttons, in a row of their own above the filter, as the results' actions (beside the filter, in a tab as narrow
     * as the one beside the detail pane, their words were cut to "Add …"); a second row where even that is too narrow.
     */
    private FlowPane actions(SavedLine saved, Runnable openElsewhere) {
        Button add = button("Add case", "fth-plus", "dataset-add-case", edits::add);
        Button edit = button("Edit case", "fth-edit-2", "dataset-edit-case", this::editSelected);
        Button delete = button("Delete case", "fth-trash-2", "dataset-delete-case", this::deleteSelected);
        // Once the edits are done: the eval set's version given anew, so two sets are not told apart by hash alone.
        Button version = button("New version…", "fth-tag", "dataset-new-version", saved::openVersions);
        version.setTooltip(new Tooltip("Give the eval set a new version in evalbench.yaml once your edits are done, so"
                + " the history, reports and comparisons tell the two sets apart"));
        Button elsewhere = button("Open in your editor", "fth-external-link", "dataset-open-editor", openElsewhere);
        // While a case is open to edit, another is not opened over it: Save or Cancel first.
        add.disableProperty().bind(editing);
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(editing));
        delete.disableProperty().bind(edit.disableProperty());
        version.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.versionsProperty().get().isEmpty(), model.versionsProperty()).or(edits.busyProperty()));
        FlowPane row = new FlowPane(8, 6, add, edit, delete, version, elsewhere);
        row.setAlignment(Pos.CENTER_RIGHT);
        row.setStyle("-fx-padding: 6 6 0 6;");
        return row;
    }

    private static Button button(String words, String icon, String id, Runnable action) {
        Button button = new Button(words, new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Edit, Duplicate and Delete in the table's menu, below its Run this case. */
    private void menuItems() {
        MenuItem edit = new MenuItem("Edit this case", new FontIcon("fth-edit-2"));
        edit.setId("dataset-edit-case-menu");
        edit.setOnAction(e -> editSelected());
        MenuItem copy = new MenuItem("Duplicate this case (Ctrl+D)", new FontIcon("fth-copy"));
        copy.setId("dataset-duplicate-case-menu");
        copy.setOnAction(e -> duplicateSelected());
        MenuItem remove = new MenuItem("Delete this case…", new FontIcon("fth-trash-2"));
        remove.setId("dataset-delete-case-menu");
        remove.setOnAction(e -> deleteSelected());
        view.contextMenu().getItems().addAll(edit, copy, remove);
        view.contextMenu().addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            boolean none = table.getSelectionModel().getSelectedItem() == null || editing.get();
            edit.setDisable(none);
            copy.setDisable(none);
            remove.setDisable(none);
        });
    }

    /** A spreadsheet's keys on the table (listed on F1): Insert adds, F2 edits, Ctrl+D copies, Delete deletes. */
    private void keys() {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isAltDown() || e.isShiftDown() || editing.get()) return;
            Runnable action = e.isShortcutDown() ? (e.getCode() == KeyCode.D ? this::duplicateSelected : null)
                    : switch (e.getCode()) {
                        case F2 -> this::editSelected;
                        case INSERT -> edits::add;
                        case DELETE -> this::deleteSelected;
                        default -> null;
                    };
            if (action == null) return;
            action.run();
            e.consume();
        });
    }

    private void editSelected() {
        DatasetRow row = table.getSelectionModel().getSelectedItem();
        if (row != null && !editing.get()) edits.edit(row);
    }

    private void duplicateSelected() {
        DatasetRow row = table.getSelectionModel().getSelectedItem();
        if (row != null && !editing.get()) edits.duplicate(row);
    }

    /** Deletes the selected case once the author says so in a dialog (Delete, or Cancel); nothing while one is edited. */
    private void deleteSelected() {
        DatasetRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || editing.get()) return;
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Line " + row.line() + " of " + model.file()
                + " is removed; runs from now on do not have the case.", delete, ButtonType.CANCEL);
        ask.setTitle("Delete case");
        ask.setHeaderText("Delete case " + row.id() + " from " + model.file() + "?");
        if (view.getScene() != null) ask.initOwner(view.getScene().getWindow());
        if (ask.showAndWait().orElse(ButtonType.CANCEL) == delete) edits.delete(row);
    }

    /** As {@link DatasetView#selectAndEdit}; the status says why not when another case is open to edit (kept). */
    void selectAndEdit(String suite, String id) {
        if (edits.editingProperty().get()) {
            status.accept("A case of " + model.file() + " is open to edit: save or cancel it first, then edit case " + id + ".");
            return;
        }
        pending = new Pending(suite, id, true);
        model.clearFilter();
        if (model.loadsProperty().get() > 0) settlePending();
    }

    /** As {@link DatasetView#editLine}. */
    void editLine(int line, int column, String problem) {
        if (edits.editingProperty().get()) {
            status.accept("A case of " + model.file() + " is open to edit: save or cancel it first, then open line "
                    + line + ".");
            return;
        }
        edits.editLine(line, column, problem);
    }

    /** As {@link DatasetView#saveOpenEdit}. */
    boolean saveOpenEdit() {
        if (!edits.editingProperty().get()) return false;
        edits.save();
        return true;
    }

    private void settlePending() {
        Pending p = pending;
        if (p == null) return;
        pending = null;
        for (DatasetRow row : table.getItems()) {
            if (!row.id().equals(p.id()) || p.suite() != null && !row.suite().equals(p.suite())) continue;
            table.getSelectionModel().select(row);
            table.scrollTo(row);
            if (p.edit()) edits.edit(row);
            return;
        }
        if (p.edit()) {
            status.accept("Case " + p.id() + " is no longer in " + model.file() + ": removed or renamed since that run.");
        }
    }
}
