package dev.evalbench.app.compare;

import dev.evalbench.app.gates.VerdictCell;

import dev.evalbench.core.compare.GateDelta;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.gate.ci.VerdictFormat;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The gate deltas of a comparison, in the gates panel's colours and words: each gate's verdict in both runs
 * (icon and word: pass / FAIL, or "n/a" for the first run of a baseline-relative gate, its reason in the cell's
 * tooltip), both values, the change, and the second run's interval and paired p-value against the first, and
 * why (also the row's tooltip, as the sentence may be cut; it says when a click lists the gate's cases, which the
 * {@link OverviewPane} does). Its preferred height shows every row
 * ({@link #rowsHeight}); each column is as wide as what it shows, and a narrow table scrolls sideways. FX thread
 * only.
 */
final class GateDeltaTable extends TableView<GateDelta> {
    /** Rows a little denser than the case list's: nine gates must fit a laptop screen above the cases. */
    private static final double ROW = 22;
    /** The widest a column grows for its values: the "why" sentence, whose row's tooltip holds all of it. */
    private static final double WIDEST = 420;
    /** Room for the sideways scroll bar under the rows (the theme's bar and a little air). */
    private static final double SIDEWAYS_BAR = 16;

    /** Whether a gate has cases to list when clicked (the comparison's gate scopes); none until told. */
    private java.util.function.Predicate<String> casesBehind = id -> false;

    GateDeltaTable() {
        setId("compare-gates");
        setFixedCellSize(ROW);
        // Unconstrained, as the gates panel: where the centre is narrow, the names, verdicts and numbers keep their
        // width and the table scrolls sideways, instead of "category-acc…" and "190,…".
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getColumns().setAll(List.of(
                text("Gate", 125, GateDelta::id),
                verdict("First run", GateDelta::beforeCells, GateDelta::beforeNeedsBaseline),
                text("Value", 68, d -> d.before() == null ? VerdictFormat.NONE : d.beforeCells().value()),
                verdict("Second run", GateDelta::afterCells, d -> false),
                text("Value", 68, d -> d.after() == null ? VerdictFormat.NONE : d.afterCells().value()),
                text("Change", 75, d -> d.after() == null ? VerdictFormat.NONE : d.afterCells().delta()),
                text("95% interval", 160, d -> d.after() == null ? VerdictFormat.NONE : d.afterCells().interval()),
                text("p", 60, d -> d.after() == null ? VerdictFormat.NONE : d.afterCells().pValue()),
                text("Why", 300, d -> d.after() == null ? "" : d.afterCells().sentence())));
        getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(GateDelta d, boolean empty) {
                super.updateItem(d, empty);
                if (empty || d == null || d.after() == null) {
                    setTooltip(null);
                    return;
                }
                setTooltip(new javafx.scene.control.Tooltip(d.afterCells().sentence()
                        + (casesBehind.test(d.id()) ? "\nClick to list the cases behind this gate in either run." : "")));
            }
        });
        setPlaceholder(new Label("Comparing gates…"));
        itemsProperty().addListener((o, was, now) -> fit());
        getItems().addListener((javafx.collections.ListChangeListener<GateDelta>) c -> fit());
        fit();
        setMinHeight(ROW * 3);
    }

    /** Which gates list their cases when clicked, for the rows' tooltips. */
    void casesBehind(java.util.function.Predicate<String> which) {
        casesBehind = which;
        refresh();
    }

    /**
     * The height that shows the header (as the theme lays it out, once shown), every row (at least one) and,
     * below them, the sideways scroll bar a narrow centre shows, so that it never covers the last gate.
     */
    double rowsHeight() {
        double header = lookup(".column-header-background") instanceof javafx.scene.layout.Region r && r.getHeight() > 0 ? r.getHeight() : 32;
        Insets pad = getInsets();
        return header + ROW * Math.max(1, getItems().size()) + SIDEWAYS_BAR + pad.getTop() + pad.getBottom() + 2;
    }

    private void fit() {
        setPrefHeight(rowsHeight());
        // Each column as wide as its title and its longest value ("shipping-actions", "190,783", "Second run"),
        // once styled; the sentence up to WIDEST, its row's tooltip holding the rest.
        dev.evalbench.app.fx.FitColumns.toContentOnceShown(this, WIDEST);
    }

    private static TableColumn<GateDelta, String> text(String title, double width, Function<GateDelta, String> value) {
        TableColumn<GateDelta, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** pass / FAIL with a check or a cross, as the gates panel shows them: the verdict reads without colour. */
    private static TableColumn<GateDelta, String> verdict(String title, Function<GateDelta, VerdictCells> side,
                                                          java.util.function.Predicate<GateDelta> needsBaseline) {
        TableColumn<GateDelta, String> c = text(title, 95, d -> {
            VerdictCells v = side.apply(d);
            if (v == null) return "not gated";
            if (needsBaseline.test(d)) return VerdictCell.NEEDS_BASELINE;
            return v.word();
        });
        c.setCellFactory(col -> new VerdictCell<>());
        return c;
    }

}
