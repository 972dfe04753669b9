package dev.evalbench.app.dataset;

import dev.evalbench.app.fx.AfterLayout;
import dev.evalbench.app.fx.FilterField;
import dev.evalbench.app.fx.FitColumns;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import java.util.List;
import java.util.function.Function;

/**
 * A dataset's cases in a table (suite, id, vars, expected, tags) with a text filter and a tag filter above
 * it; the selected case is {@link #selected} (its detail is the caller's to show). Controls only;
 * {@link DatasetModel} filters. FX thread only.
 */
public final class DatasetView extends BorderPane implements dev.evalbench.app.fx.Filterable {
    /** How many of the longest ids (by characters) are measured for the id column's width. */
    private static final int LONGEST_IDS = 20;
    private final TableView<DatasetRow> table;
    private final TextField filter;
    private final HBox bar;
    private final DatasetModel model;
    private CaseEditModel edits;
    private java.util.function.Consumer<String> status = s -> { };
    /** A case to select (and perhaps edit) once the table has read the file: asked for before, or just saved. */
    private Pending pending;

    private record Pending(String suite, String id, boolean edit) {}
    private javafx.scene.control.MenuItem edit;
    private javafx.scene.control.MenuItem remove;
    private javafx.scene.control.MenuItem copy;
    /** True while a case is open to edit or being read or saved; null when the view only reads. */
    private javafx.beans.binding.BooleanExpression editing;
    private java.util.function.BiConsumer<String, String> onRunCase;

    public DatasetView(DatasetModel model) {
        this.model = model;
        model.loadsProperty().addListener((o, was, now) -> settlePending());
        // Esc clears the whole filter, as in the results and the comparison; Ctrl+F reaches it as it does theirs.
        filter = FilterField.text("dataset-filter", model.textProperty(), model::clearFilter);
        filter.setPromptText("Filter by id, vars, expected or tag (Ctrl+F)");
        ComboBox<String> tag = new ComboBox<>(model.tags());
        tag.setId("dataset-tag");
        tag.setMinWidth(Region.USE_PREF_SIZE);
        tag.valueProperty().bindBidirectional(model.tagProperty());
        Label count = new Label();
        count.setId("dataset-count");
        count.textProperty().bind(model.summaryProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        bar = new HBox(8, filter, tag, count);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setStyle("-fx-padding: 6;");
        setTop(new VBox(bar));

        table = new TableView<>(model.rows());
        table.setId("dataset-table");
        // One look with the results and comparison lists: rows of one line, as dense (they were half as tall again).
        table.setFixedCellSize(dev.evalbench.app.results.ResultsView.ROW_HEIGHT);
        TableColumn<DatasetRow, String> suite = column("Suite", 80, DatasetRow::suite);
        TableColumn<DatasetRow, String> id = column("Id", 70, DatasetRow::id);
        table.getColumns().add(suite);
        table.getColumns().add(id);
        table.getColumns().add(column("Vars", 420, DatasetRow::vars));
        table.getColumns().add(column("Expected", 300, DatasetRow::expected));
        table.getColumns().add(column("Tags", 160, r -> String.join(", ", r.tags())));
        Label empty = new Label();
        empty.setId("dataset-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyProperty());
        table.setPlaceholder(empty);
        javafx.scene.control.ContextMenu menu = menu();
        table.setContextMenu(menu);
        dev.evalbench.app.fx.ContextMenuKeys.install(table, menu, () -> table.getSelectionModel().getSelectedIndex());
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(new VBox(table));
        // Suites and ids are drawn whole ("extract…"), once the cases are read: the suite names, and the longest
        // ids by length (measuring each of thousands of ids would hold the FX thread for nothing).
        model.rows().addListener((javafx.collections.ListChangeListener<DatasetRow>) change ->
                AfterLayout.runIn(table, () -> fitNames(suite, id, model)));
    }

    private void fitNames(TableColumn<DatasetRow, String> suite, TableColumn<DatasetRow, String> id,
                          DatasetModel model) {
        FitColumns.toValues(table, suite, model.rows().stream().map(DatasetRow::suite).distinct().toList());
        List<String> ids = model.rows().stream().map(DatasetRow::id).toList();
        FitColumns.toValues(table, id, FitColumns.longest(ids, LONGEST_IDS));
    }

    /** Ctrl+F. */
    @Override
    public void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** The table's menu (right click, Shift+F10): the selected case run alone ({@link #setOnRunCase}). */
    private javafx.scene.control.ContextMenu menu() {
        // The key in the words, not as the item's accelerator: that would be a second Ctrl+Enter in the scene, beside
        // the window's, and run the case twice.
        javafx.scene.control.MenuItem run = new javafx.scene.control.MenuItem("Run this case (Ctrl+Enter)",
                new org.kordamp.ikonli.javafx.FontIcon("fth-play"));
        run.setId("dataset-run-case");
        run.setOnAction(e -> runSelectedCase());
        edit = new javafx.scene.control.MenuItem("Edit this case", new FontIcon("fth-edit-2"));
        edit.setId("dataset-edit-case-menu");
        edit.setVisible(false);
        copy = new javafx.scene.control.MenuItem("Duplicate this case (Ctrl+D)", new FontIcon("fth-copy"));
        copy.setId("dataset-duplicate-case-menu");
        copy.setVisible(false);
        remove = new javafx.scene.control.MenuItem("Delete this case…", new FontIcon("fth-trash-2"));
        remove.setId("dataset-delete-case-menu");
        remove.setVisible(false);
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(run, edit, copy, remove);
        menu.setOnShowing(e -> {
            run.setDisable(onRunCase == null || table.getSelectionModel().getSelectedItem() == null);
            edit.setDisable(table.getSelectionModel().getSelectedItem() == null || editing != null && editing.get());
            remove.setDisable(edit.isDisable());
            copy.setDisable(edit.isDisable());
        });
        return menu;
    }

    /**
     * Lets the author add and edit cases here ({@code edits}: the pane under the table, a sentence above it on what was
     * saved) and open the file in their own editor ({@code openElsewhere}); {@code status} says why a case asked for by
     * {@link #selectAndEdit} cannot be edited. Without it the view only reads.
     */
    public void enableEditing(CaseEditModel edits, Runnable openElsewhere, java.util.function.Consumer<String> status) {
        this.edits = edits;
        this.status = status;
        Button add = new Button("Add case", new FontIcon("fth-plus"));
        add.setId("dataset-add-case");
        add.setOnAction(e -> edits.add());
        Button editCase = new Button("Edit case", new FontIcon("fth-edit-2"));
        editCase.setId("dataset-edit-case");
        editCase.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(edits.editingProperty()).or(edits.busyProperty()));
        Runnable editSelected = () -> {
            DatasetRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) edits.edit(row);
        };
        editCase.setOnAction(e -> editSelected.run());
        edit.setOnAction(e -> editSelected.run());
        edit.setVisible(true);
        editing = edits.editingProperty().or(edits.busyProperty());
        Button delete = new Button("Delete case", new FontIcon("fth-trash-2"));
        delete.setId("dataset-delete-case");
        delete.disableProperty().bind(editCase.disableProperty());
        delete.setOnAction(e -> deleteSelected());
        remove.setOnAction(e -> deleteSelected());
        remove.setVisible(true);
        Runnable duplicateSelected = () -> {
            DatasetRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && !editing.get()) edits.duplicate(row);
        };
        copy.setOnAction(e -> duplicateSelected.run());
        copy.setVisible(true);
        SavedLine savedLine = new SavedLine(edits, model);
        // Once the edits are done: the eval set's version given anew, so two sets are not told apart by hash alone.
        Button version = new Button("New version…", new FontIcon("fth-tag"));
        version.setId("dataset-new-version");
        version.setTooltip(new javafx.scene.control.Tooltip("Give the eval set a new version in evalbench.yaml once your"
                + " edits are done, so the history, reports and comparisons tell the two sets apart"));
        version.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.versionsProperty().get().isEmpty(), model.versionsProperty()).or(edits.busyProperty()));
        version.setOnAction(e -> savedLine.openVersions());
        Button elsewhere = new Button("Open in your editor", new FontIcon("fth-external-link"));
        elsewhere.setId("dataset-open-editor");
        elsewhere.setOnAction(e -> openElsewhere.run());
        // While a case is open to edit, another is not opened over it: Save or Cancel first.
        add.disableProperty().bind(edits.editingProperty().or(edits.busyProperty()));
        // A row of their own above the filter, as the results' actions: beside it, in a tab as narrow as the one beside
        // the detail pane, the labels were cut to "Add …" and "Open in your e…".
        // A second row where the tab is too narrow for one (a 1280-pixel window beside the detail pane), not cut words.
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(8, 6, add, editCase, delete, version, elsewhere);
        actions.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        actions.setStyle("-fx-padding: 6 6 0 6;");
        actions.getChildren().forEach(b -> ((Button) b).setMinWidth(Region.USE_PREF_SIZE));
        ((VBox) getTop()).getChildren().add(0, actions);

        ((VBox) getTop()).getChildren().add(savedLine);
        CaseEditPane pane = new CaseEditPane(edits);
        ((VBox) getCenter()).getChildren().add(pane);
        // F2 edits the selected case and Insert adds one, from the table, as a spreadsheet's keys do (listed on F1).
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.D && e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown()) {
                duplicateSelected.run();
                e.consume();
                return;
            }
            if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown() || editing.get()) return;
            if (e.getCode() == javafx.scene.input.KeyCode.F2) {
                editSelected.run();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.INSERT) {
                edits.add();
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.DELETE) {
                deleteSelected();
                e.consume();
            }
        });
        // The case just saved is selected again once the table has read the file anew (its detail shows the saved text).
        edits.savedIdProperty().addListener((o, was, now) -> {
            if (now != null) pending = new Pending(null, now, false);
        });
        // Back to the table once saved or cancelled, where the keys that walk it are.
        edits.editingProperty().addListener((o, was, now) -> {
            if (!now) table.requestFocus();
            // The pane takes the table's lower rows: the case being edited stays in sight once the table is laid out again.
            int selected = table.getSelectionModel().getSelectedIndex();
            if (now && selected >= 0) AfterLayout.runIn(table, () -> table.scrollTo(Math.max(0, selected - 2)));
        });
    }

    /**
     * Selects case {@code id} of suite {@code suite} (the filter cleared) and opens it to edit, once the table has read
     * the file; the status says why not when it is not there, or when another case is open to edit (its typing is kept).
     */
    public void selectAndEdit(String suite, String id) {
        if (edits != null && edits.editingProperty().get()) {
            status.accept("A case of " + model.file() + " is open to edit: save or cancel it first, then edit case " + id + ".");
            return;
        }
        pending = new Pending(suite, id, true);
        model.clearFilter();
        if (model.loadsProperty().get() > 0) settlePending();
    }

    /** Opens line {@code line} of the file to edit, on the problem the workspace reads there (the Problems panel's). */
    public void editLine(int line, int column, String problem) {
        if (edits == null) return;
        if (edits.editingProperty().get()) {
            status.accept("A case of " + model.file() + " is open to edit: save or cancel it first, then open line "
                    + line + ".");
            return;
        }
        edits.editLine(line, column, problem);
    }

    /** Deletes the selected case once the author says so in a dialog (Delete, or Cancel); nothing while one is edited. */
    private void deleteSelected() {
        DatasetRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || edits == null || editing.get()) return;
        javafx.scene.control.ButtonType delete = new javafx.scene.control.ButtonType("Delete",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Line " + row.line() + " of " + model.file() + " is removed; runs from now on do not have the case.", delete,
                javafx.scene.control.ButtonType.CANCEL);
        ask.setTitle("Delete case");
        ask.setHeaderText("Delete case " + row.id() + " from " + model.file() + "?");
        if (getScene() != null) ask.initOwner(getScene().getWindow());
        if (ask.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL) == delete) edits.delete(row);
    }

    /** Saves the case open to edit, if one is (Ctrl+S with the focus outside its text); false when none is. */
    public boolean saveOpenEdit() {
        if (edits == null || !edits.editingProperty().get()) return false;
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
            if (p.edit() && edits != null) edits.edit(row);
            return;
        }
        if (p.edit()) {
            status.accept("Case " + p.id() + " is no longer in " + model.file() + ": removed or renamed since that run.");
        }
    }

    /**
     * Where "Run this case" (and Ctrl+Enter) hands the selected case's suite and id: the run launcher's, set by the
     * feature that runs (a dataset knows nothing of runs); null: nothing to run with.
     */
    public void setOnRunCase(java.util.function.BiConsumer<String, String> run) {
        onRunCase = run;
    }

    /** Runs the selected case through {@link #setOnRunCase}'s hook; false when none is selected or there is no hook. */
    public boolean runSelectedCase() {
        DatasetRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || onRunCase == null) return false;
        onRunCase.accept(row.suite(), row.id());
        return true;
    }

    /** The case selected in the table, or null. */
    public javafx.beans.property.ReadOnlyObjectProperty<DatasetRow> selected() {
        return table.getSelectionModel().selectedItemProperty();
    }

    private static TableColumn<DatasetRow, String> column(String title, double width, Function<DatasetRow, String> value) {
        TableColumn<DatasetRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
