package dev.evalbench.app.compare;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.compare.ExpectedChange;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.Decision;
import java.util.List;
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
 * The input shows its first lines in a box of its own, or the whole of it ({@link #toggleWholeInput}, I), for this
 * case and the next ones. Filled from a {@link CaseComparison}; FX thread only.
 */
final class CasePairPane extends VBox {
    final Label title = new Label("Select a case to compare its two outputs.");
    final Label input = new Label();
    /** Whether the input is shown whole (the part scrolls as a whole then), or its first lines in their own box. */
    private final javafx.beans.property.BooleanProperty wholeInput =
            new javafx.beans.property.SimpleBooleanProperty(this, "wholeInput");
    /** The input box's height while it shows the input's first lines: about three of them. */
    static final double INPUT_LINES_HEIGHT = 48;
    final Label changed = new Label();
    final OutputPanes outputs = new OutputPanes();
    final GridPane numbers = new GridPane();
    private static final String[] ROWS = {"verdict", "decision", "failures", "latency, tokens, cost"};
    /** The grid's value labels, by row, then first run / second run. */
    private final Label[][] cells = new Label[ROWS.length][2];

    /** The title while no case is selected. */
    static final String NONE = "No case selected: choose one in the list above.";

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
        inputScroll.setId("compare-input-scroll");
        inputScroll.setFitToWidth(true);
        // A prompt's ticket comes after its preamble ("New ticket via app. The customer wrote:"), below the first
        // lines: shown whole on request, as tall as its text, the part scrolling to the outputs under it.
        javafx.beans.binding.DoubleBinding height = javafx.beans.binding.Bindings.createDoubleBinding(
                () -> wholeInput.get() ? Math.max(INPUT_LINES_HEIGHT, input.getHeight()) : INPUT_LINES_HEIGHT,
                wholeInput, input.heightProperty());
        inputScroll.prefViewportHeightProperty().bind(height);
        inputScroll.minViewportHeightProperty()
                .bind(javafx.beans.binding.Bindings.when(wholeInput).then(height).otherwise(40.0));
        javafx.scene.control.Hyperlink whole = new javafx.scene.control.Hyperlink();
        whole.setId("compare-whole-input");
        whole.textProperty().bind(javafx.beans.binding.Bindings.when(wholeInput)
                .then("Show the input's first lines (I)").otherwise("Show the whole input (I)"));
        whole.setOnAction(e -> {
            toggleWholeInput();
            whole.setVisited(false); // a switch, not a page seen
        });
        whole.visibleProperty().bind(input.textProperty().isNotEmpty());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, Priority.ALWAYS);
        javafx.scene.layout.HBox heading = new javafx.scene.layout.HBox(8, title, gap, whole);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        changed.setId("compare-changed-fields");
        // A flip with the same output says why in a sentence and the failures: all its lines, never cut to one.
        changed.setWrapText(true);
        changed.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        numbers.setId("compare-numbers");
        numbers.setHgap(14);
        numbers.setVgap(1);
        numbers.addRow(0, bold(""), bold("first run"), bold("second run"));
        for (int i = 0; i < ROWS.length; i++) {
            numbers.addRow(i + 1, muted(ROWS[i]), cells[i][0] = cell(), cells[i][1] = cell());
        }
        numbers.setVisible(false);
        VBox.setVgrow(outputs, Priority.ALWAYS);
        getChildren().addAll(heading, inputScroll, changed, outputs, numbers);
    }

    /** I: the input whole, or its first lines again; kept for the cases shown next. */
    void toggleWholeInput() {
        wholeInput.set(!wholeInput.get());
    }

    /**
     * Shows {@code c} (null: nothing). The grid's labels are made once and only their text changes, and a style
     * class is only swapped when it differs, so the next case costs no new nodes (J stays quick).
     */
    void show(CaseComparison c) {
        numbers.setVisible(c != null);
        if (c == null) {
            // Not the last case's name over empty panes: the list may no longer hold it (a filter, a gate clicked).
            title.setText(NONE);
            outputs.show(null);
            input.setText("");
            changed.setText("");
            return;
        }
        title.setText(c.row().key() + " · " + c.row().status().label());
        input.setText(c.input());
        changed.setText(changedText(c));
        boolean both = c.before() != null && c.after() != null;
        boolean flipped = both && c.before().passed() != c.after().passed();
        String look = both && (c.diff().changed() || flipped) ? Styles.WARNING : Styles.TEXT_MUTED;
        if (!changed.getStyleClass().contains(look)) {
            changed.getStyleClass().removeAll(Styles.WARNING, Styles.TEXT_MUTED);
            changed.getStyleClass().add(look);
        }
        outputs.show(c.diff());
        List<Function<CaseRecord, String>> values = List.of(CasePairPane::verdict, r -> decision(r.decision()),
                r -> r.failures().isEmpty() ? "—" : String.join("; ", r.failures()),
                r -> String.format(Locale.ROOT, "%d ms · %,d in, %,d out · $%.6f", r.latencyMs(), r.tokensIn(), r.tokensOut(), r.costUsd()));
        for (int i = 0; i < ROWS.length; i++) {
            cells[i][0].setText(text(c.before(), values.get(i)));
            cells[i][1].setText(text(c.after(), values.get(i)));
        }
    }

    static String changedText(CaseComparison c) {
        // A case one run did not have (a run of one suite against a whole one): nothing to hold against it.
        if (c.after() == null) return "Only the first run has this case: no second output to compare.";
        if (c.before() == null) return "Only the second run has this case: no first output to compare.";
        if (!c.diff().changed()) {
            if (c.before().passed() == c.after().passed()) return "The two outputs are the same.";
            // The reviewer's first question about such a case ("why did it regress?"), answered where the eye is.
            boolean secondFails = !c.after().passed();
            CaseRecord failing = secondFails ? c.after() : c.before();
            return ExpectedChange.sameOutputSentence(c.before(), c.after())
                    + (secondFails ? " The second run fails it: " : " The first run failed it: ")
                    + (failing.failures().isEmpty() ? verdict(failing) : String.join(" ", failing.failures()));
        }
        if (!c.changedFields().isEmpty()) return "Changed fields: " + String.join(", ", c.changedFields());
        return c.json() ? "The outputs differ: marked line by line below." : "Text outputs: the words that differ are marked.";
    }

    private static String text(CaseRecord r, Function<CaseRecord, String> value) {
        return r == null ? "not in this run" : value.apply(r);
    }

    private static Label cell() {
        Label l = new Label();
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }

    private static String verdict(CaseRecord r) {
        return r.failureKind() != null ? "error (" + r.failureKind() + ")" : r.passed() ? "pass" : "FAIL";
    }

    private static String decision(Decision d) {
        return dev.evalbench.core.record.DecisionWords.of(d);
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
