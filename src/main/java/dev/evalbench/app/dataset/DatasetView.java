package dev.evalbench.app.dataset;

import dev.evalbench.app.fx.AfterLayout;
import dev.evalbench.app.fx.FilterField;
import dev.evalbench.app.fx.FitColumns;
import javafx.beans.property.ReadOnlyStringWrapper;
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
import java.util.List;
import java.util.function.Function;

/**
 * A dataset's cases in a table (suite, id, vars, expected, tags) with a text filter and a tag filter above
 * it; the selected case is {@link #selected} (its detail is the caller's to show). It reads only, until {@link
 * #enableEditing} gives the author the edits ({@link DatasetEditing}). Controls only; {@link DatasetModel} filters.
 * FX thread only.
 */
public final class DatasetView extends BorderPane implements dev.evalbench.app.fx.Filterable {
    /** How many of the longest ids (by characters) are measured for the id column's width. */
    private static final int LONGEST_IDS = 20;
    private final TableView<DatasetRow> table;
    private final TextField filter;
    private final DatasetModel model;
    private final javafx.scene.control.ContextMenu menu;
    /** The author's edits of the cases, once {@link #enableEditing}; null while the view only reads. */
    private DatasetEditing editing;
    private java.util.function.BiConsumer<String, String> onRunCase;

    public DatasetView(DatasetModel model) {
        this.model = model;
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
        HBox bar = new HBox(8, filter, tag, count);
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
        menu = menu();
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
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(run);
        menu.setOnShowing(e -> run.setDisable(onRunCase == null || table.getSelectionModel().getSelectedItem() == null));
        return menu;
    }

    /**
     * Lets the author add, edit, copy and delete cases here ({@link DatasetEditing}: actions above the filter, the edit
     * under the table), open the file in their own editor ({@code openElsewhere}) and give the eval set a new version;
     * {@code status} says why a case asked for cannot be edited. Without it the view only reads.
     */
    public void enableEditing(CaseEditModel edits, Runnable openElsewhere, java.util.function.Consumer<String> status) {
        editing = new DatasetEditing(this, model, edits, openElsewhere, status);
    }

    /**
     * Selects case {@code id} of suite {@code suite} (the filter cleared) and opens it to edit, once the table has read
     * the file ("Edit this case in its dataset" from a run's results); nothing while the view only reads.
     */
    public void selectAndEdit(String suite, String id) {
        if (editing != null) editing.selectAndEdit(suite, id);
    }

    /** Opens line {@code line} of the file to edit, on the problem the workspace reads there (the Problems panel's). */
    public void editLine(int line, int column, String problem) {
        if (editing != null) editing.editLine(line, column, problem);
    }

    /** Saves the case open to edit, if one is (Ctrl+S with the focus outside its text); false when none is. */
    public boolean saveOpenEdit() {
        return editing != null && editing.saveOpenEdit();
    }

    TableView<DatasetRow> table() {
        return table;
    }

    javafx.scene.control.ContextMenu contextMenu() {
        return menu;
    }

    /** The rows above the table (the filter's), where the editing's actions and sentence go. */
    VBox top() {
        return (VBox) getTop();
    }

    /** The table and what goes under it (the edit). */
    VBox center() {
        return (VBox) getCenter();
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
