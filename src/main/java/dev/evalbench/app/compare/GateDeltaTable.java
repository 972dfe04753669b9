package dev.evalbench.app.compare;

import dev.evalbench.app.gates.VerdictCell;

import dev.evalbench.core.compare.GateDelta;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictFormat;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The gate deltas of a comparison, in the gates panel's colours and words: each gate's verdict in both runs
 * (icon and word: pass / FAIL, or "needs a baseline" for the first run of a baseline-relative gate), both
 * values, the change, and the second run's interval and paired p-value against the first. FX thread only.
 */
final class GateDeltaTable extends TableView<GateDelta> {
    private static final double ROW = 24;

    GateDeltaTable() {
        setId("compare-gates");
        setFixedCellSize(ROW);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getColumns().setAll(List.of(
                text("Gate", 150, GateDelta::id),
                verdict("First run", GateDelta::before, d -> !d.beforeApplicable()),
                text("Value", 80, d -> d.before() == null ? VerdictFormat.NONE : VerdictFormat.value(d.before())),
                verdict("Second run", GateDelta::after, d -> false),
                text("Value", 80, d -> d.after() == null ? VerdictFormat.NONE : VerdictFormat.value(d.after())),
                text("Change", 80, d -> d.after() == null ? VerdictFormat.NONE : VerdictFormat.delta(d.after())),
                text("95% interval", 150, d -> d.after() == null ? VerdictFormat.NONE : VerdictFormat.interval(d.after())),
                text("p", 70, d -> d.after() == null ? VerdictFormat.NONE : VerdictFormat.pValue(d.after())),
                text("Why", 380, d -> d.after() == null ? "" : d.after().detail())));
        setPlaceholder(new Label("Comparing gates…"));
        itemsProperty().addListener((o, was, now) -> fit());
        getItems().addListener((javafx.collections.ListChangeListener<GateDelta>) c -> fit());
        setPrefHeight(ROW * 4);
        setMinHeight(ROW * 3);
    }

    private void fit() {
        setPrefHeight(ROW * (Math.max(1, getItems().size()) + 1) + 4);
    }

    private static TableColumn<GateDelta, String> text(String title, double width, Function<GateDelta, String> value) {
        TableColumn<GateDelta, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    /** pass / FAIL with a check or a cross, as the gates panel shows them: the verdict reads without colour. */
    private static TableColumn<GateDelta, String> verdict(String title, Function<GateDelta, GateVerdict> side,
                                                          java.util.function.Predicate<GateDelta> needsBaseline) {
        TableColumn<GateDelta, String> c = text(title, 130, d -> {
            GateVerdict v = side.apply(d);
            if (v == null) return "not gated";
            if (needsBaseline.test(d)) return "needs a baseline";
            if (!v.ran()) return "not run";
            return v.passed() ? "pass" : "FAIL";
        });
        c.setCellFactory(col -> new VerdictCell<>());
        return c;
    }

}
