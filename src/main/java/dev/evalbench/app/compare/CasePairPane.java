package dev.evalbench.app.compare;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.Decision;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected case of a comparison: its input, the fields that changed, the two outputs side by side
 * ({@link OutputPanes}), and below them each run's verdict, decision, failures, latency, tokens and cost.
 * Filled from a {@link CaseComparison}; FX thread only.
 */
final class CasePairPane extends VBox {
    final Label title = new Label("Select a case to compare its two outputs.");
    final Label input = new Label();
    final Label changed = new Label();
    final OutputPanes outputs = new OutputPanes();
    final GridPane numbers = new GridPane();

    CasePairPane() {
        super(4);
        setId("compare-case");
        setStyle("-fx-padding: 4 6 4 6;");
        title.setId("compare-case-title");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        input.setId("compare-input");
        input.getStyleClass().add("compare-input");
        input.setWrapText(true);
        ScrollPane inputScroll = new ScrollPane(input);
        inputScroll.setFitToWidth(true);
        inputScroll.setPrefViewportHeight(48);
        inputScroll.setMinViewportHeight(40);
        changed.setId("compare-changed-fields");
        numbers.setId("compare-numbers");
        numbers.setHgap(14);
        numbers.setVgap(1);
        VBox.setVgrow(outputs, Priority.ALWAYS);
        getChildren().addAll(title, inputScroll, changed, outputs, numbers);
    }

    void show(CaseComparison c) {
        numbers.getChildren().clear();
        if (c == null) {
            outputs.show(null);
            input.setText("");
            changed.setText("");
            return;
        }
        title.setText(c.row().key() + " · " + c.row().status().label());
        input.setText(c.input());
        changed.setText(changedText(c));
        changed.getStyleClass().removeAll(Styles.WARNING, Styles.TEXT_MUTED);
        changed.getStyleClass().add(c.diff().changed() ? Styles.WARNING : Styles.TEXT_MUTED);
        outputs.show(c.diff());
        numbers.addRow(0, bold(""), bold("first run"), bold("second run"));
        row(1, "verdict", c, CasePairPane::verdict);
        row(2, "decision", c, r -> decision(r.decision()));
        row(3, "failures", c, r -> r.failures().isEmpty() ? "—" : String.join("; ", r.failures()));
        row(4, "latency, tokens, cost", c, r -> String.format(Locale.ROOT, "%d ms · %,d in, %,d out · $%.6f",
                r.latencyMs(), r.tokensIn(), r.tokensOut(), r.costUsd()));
    }

    static String changedText(CaseComparison c) {
        if (!c.diff().changed()) return "The two outputs are the same.";
        if (!c.changedFields().isEmpty()) return "Changed fields: " + String.join(", ", c.changedFields());
        return c.json() ? "The outputs differ: marked line by line below." : "Text outputs: the words that differ are marked.";
    }

    private void row(int at, String name, CaseComparison c, Function<CaseRecord, String> value) {
        numbers.addRow(at, muted(name), cell(c.before(), value), cell(c.after(), value));
    }

    private static Label cell(CaseRecord r, Function<CaseRecord, String> value) {
        Label l = new Label(r == null ? "not in this run" : value.apply(r));
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }

    private static String verdict(CaseRecord r) {
        return r.failureKind() != null ? "error (" + r.failureKind() + ")" : r.passed() ? "pass" : "FAIL";
    }

    private static String decision(Decision d) {
        if (d == null) return "no decision";
        return (d.accepted() ? "accepted " : "rejected → ") + d.finalAction() + (d.rule() == null ? "" : " (rule " + d.rule() + ")");
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
