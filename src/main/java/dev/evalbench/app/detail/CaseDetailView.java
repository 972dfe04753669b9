package dev.evalbench.app.detail;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.app.fx.CopyButton;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.FallbackTaken;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.text.Clipped;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The detail pane of one case, from its full record: input variables (as YAML, {@link VariablesText}), the
 * rendered prompt, the raw and parsed output (monospace), validation errors, the decision and its reasons, each
 * scored field against the expected value, and latency, tokens, cost, attempts, fallbacks and trace id.
 *
 * <p>One pane serves every selection: {@link #show} sets the texts of the nodes built once, so selecting a
 * case re-lays out text but builds and styles no new nodes (a new tree per selection took most of the time from
 * the click to the detail on screen). FX thread only; keeps only the texts of the case shown.
 */
public final class CaseDetailView extends ScrollPane {
    private final VBox body = new VBox(6);
    private final Label title = new Label();
    private final Label key = new Label();
    private final Label verdict = new Label();
    private final Label failures = wrapped("");
    private final FontIcon passIcon = icon("fth-check-circle", "success");
    private final FontIcon failIcon = icon("fth-x-circle", "danger");
    private final FontIcon errorIcon = icon("fth-alert-triangle", "warning");
    private final TextSection vars = new TextSection("detail-vars");
    private final TextSection prompt = new TextSection("detail-prompt");
    private final TextSection raw = new TextSection("detail-raw");
    private final TextSection parsed = new TextSection("detail-parsed");
    private final TextSection validation = new TextSection("detail-schema-errors");
    private final Label decision = wrapped("");
    private final Label notScored = muted("nothing scored");
    private final GridPane scores = new GridPane();
    private final Label judges = wrapped("");
    private final Label judgesHeading;
    private final Label call = wrapped("");
    private String verdictWord;

    /** An empty pane; {@link #show} fills it. */
    public CaseDetailView() {
        setId("case-detail");
        setFitToWidth(true);
        body.setStyle("-fx-padding: 8;");
        title.setId("detail-title");
        title.getStyleClass().add(Styles.TITLE_4);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        verdict.setId("detail-verdict");
        failures.setId("detail-failures");
        decision.setId("detail-decision");
        call.setId("detail-call");
        scores.setHgap(10);
        scores.setVgap(2);
        body.getChildren().addAll(title, key, new VBox(2, verdict, failures));
        textSection("Input variables", "the input variables", vars);
        textSection("Rendered prompt", "the rendered prompt", prompt);
        textSection("Raw output", "the raw output", raw);
        textSection("Parsed output", "the parsed output", parsed);
        textSection("Validation", "the validation errors", validation);
        section("Decision", decision);
        section("Scores against expected", new VBox(notScored, scores));
        judges.setId("detail-judges");
        judgesHeading = section("Judges", judges);
        // The trace and request ids are what a provider's support asks for: the call's lines copy too.
        Button copyCall = CopyButton.of("detail-call-copy", "the call's figures and ids", call::getText);
        body.getChildren().addAll(CopyButton.heading(heading("Call"), copyCall), call);
        setContent(body);
    }

    /** @param vars the case's input variables from its dataset, or null when the dataset is not at hand */
    public CaseDetailView(CaseRecord r, JsonNode vars) {
        this();
        show(r, vars);
    }

    /**
     * Shows case {@code r}, replacing the texts of the case shown before, and scrolls back to the top.
     *
     * @param vars the case's input variables from its dataset, or null when the dataset is not at hand
     */
    public void show(CaseRecord r, JsonNode vars) {
        title.setText(r.key().caseId());
        key.setText(r.key().toString());
        verdict(r);
        if (vars == null) this.vars.none("not in the open dataset");
        else this.vars.text(VariablesText.of(vars));
        StringBuilder text = new StringBuilder();
        for (Message m : r.messages()) text.append("[").append(m.role()).append("]\n").append(m.content()).append("\n\n");
        // An imported request may carry its template's variables and not the messages they made.
        if (r.messages().isEmpty()) prompt.none("not recorded for this case");
        else prompt.text(text.toString().strip());
        if (r.rawOutput() != null) raw.text(r.rawOutput());
        else raw.none("No answer: " + r.failureKind() + (r.failureMessage() == null ? "" : ": " + r.failureMessage()));
        if (r.parsed() != null) parsed.text(pretty(r.parsed()));
        else parsed.none(r.rawOutput() == null ? "no output to parse" : "not JSON");
        if (r.schemaErrors().isEmpty()) validation.none(r.failureKind() == null ? "schema-valid" : "no output to validate");
        else validation.text(String.join("\n", r.schemaErrors()));
        decision(r.decision());
        scores(r);
        // Only suites with model-graded judges have verdicts to show; the others show no empty section.
        boolean judged = !r.judgements().isEmpty();
        judges.setText(String.join("\n", r.judgements().stream().map(dev.evalbench.core.gate.ci.JudgeWording::verdict).toList()));
        showIf(judgesHeading, judged);
        showIf(judges, judged);
        call.setText(numbers(r));
        setVvalue(0);
    }

    private void verdict(CaseRecord r) {
        boolean error = r.failureKind() != null;
        String word = error ? "error" : r.passed() ? "pass" : "FAIL";
        // An inline style is parsed again when set: only when the verdict changes.
        if (!word.equals(verdictWord)) {
            String colour = error ? "warning" : r.passed() ? "success" : "danger";
            verdict.setText(word);
            verdict.setGraphic(error ? errorIcon : r.passed() ? passIcon : failIcon);
            verdict.setStyle("-fx-text-fill: -color-" + colour + "-fg; -fx-font-weight: bold;");
            verdictWord = word;
        }
        StringBuilder lines = new StringBuilder();
        if (r.evaluation() != null) for (String f : r.evaluation().failures()) lines.append(lines.isEmpty() ? "" : "\n").append("• ").append(f);
        String cause = NoAnswerCause.of(r);
        if (cause != null) lines.append(lines.isEmpty() ? "" : "\n").append("• ").append(cause);
        failures.setText(lines.toString());
        showIf(failures, !lines.isEmpty());
    }

    private static FontIcon icon(String literal, String colour) {
        FontIcon icon = new FontIcon(literal);
        // Appended: the icon keeps its font in its own inline style.
        icon.setStyle(icon.getStyle() + "-fx-icon-color: -color-" + colour + "-fg;");
        return icon;
    }

    private static void showIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private void decision(Decision d) {
        if (d == null) {
            decision.setText("No decision: there was no parsable output.");
            if (!decision.getStyleClass().contains(Styles.TEXT_MUTED)) decision.getStyleClass().add(Styles.TEXT_MUTED);
            return;
        }
        decision.getStyleClass().remove(Styles.TEXT_MUTED);
        String text = (d.accepted() ? "accepted" : "rejected") + ": proposed " + orDash(d.proposedAction())
                + ", final " + orDash(d.finalAction())
                + (d.rule() == null ? "" : "\nrule " + d.rule()) + (d.reason() == null ? "" : "\n" + d.reason());
        decision.setText(text);
    }

    /** The grid is small (a row per scored field): its rows are made again. */
    private void scores(CaseRecord r) {
        boolean none = r.evaluation() == null || r.evaluation().checks().isEmpty();
        showIf(notScored, none);
        showIf(scores, !none);
        scores.getChildren().clear();
        if (none) return;
        GridPane grid = scores;
        grid.addRow(0, bold("check"), bold("expected"), bold("got"), bold(""));
        int row = 1;
        for (Map.Entry<String, Boolean> check : r.evaluation().checks().entrySet()) {
            String field = check.getKey();
            String expected = r.expected() != null && r.expected().has(field) ? r.expected().get(field).toString() : "";
            String got = r.parsed() != null && r.parsed().has(field) ? r.parsed().get(field).toString() : "";
            Label mark = new Label(check.getValue() ? "✓ ok" : "✗ miss");
            mark.setStyle("-fx-text-fill: -color-" + (check.getValue() ? "success" : "danger") + "-fg;");
            grid.addRow(row++, new Label(field), new Label(expected), new Label(got), mark);
        }
    }

    private static String numbers(CaseRecord r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "latency %,d ms · tokens %,d in, %,d out · cost $%.6f%n", r.latencyMs(),
                r.tokensIn(), r.tokensOut(), r.costUsd()));
        s.append("route ").append(orDash(r.routeUsed())).append(" · model ").append(orDash(r.modelUsed()))
                .append(r.cacheHit() ? " · from cache" : "").append('\n');
        s.append("trace id ").append(orDash(r.traceId()));
        if (r.requestId() != null) s.append(" · request id ").append(r.requestId());
        s.append("\n").append(r.attempts().size()).append(r.attempts().size() == 1 ? " attempt" : " attempts");
        for (Attempt a : r.attempts()) {
            s.append(String.format(Locale.ROOT, "%n  #%d %s: %s%s, %d ms%s", a.number(), a.route(), a.outcome(),
                    a.httpStatus() == null ? "" : " (HTTP " + a.httpStatus() + ")", a.latencyMs(),
                    a.message() == null ? "" : " – " + a.message()));
        }
        if (!r.fallbacks().isEmpty()) {
            s.append("\n").append(r.fallbacks().size()).append(" fallback(s)");
            for (FallbackTaken f : r.fallbacks()) s.append("\n  ").append(f.from()).append(" → ").append(f.to()).append(" (").append(f.reason()).append(")");
        }
        return s.toString();
    }

    private Label section(String title, Node content) {
        Label heading = heading(title);
        body.getChildren().addAll(heading, content);
        return heading;
    }

    /** A text section under a heading with a button that copies its text, disabled while it shows none. */
    private void textSection(String title, String what, TextSection section) {
        Button copy = CopyButton.of(section.id + "-copy", what, () -> section.whole);
        copy.disableProperty().bind(section.mono.textProperty().isEmpty());
        body.getChildren().addAll(CopyButton.heading(heading(title), copy), section.box);
    }

    private static Label heading(String title) {
        Label heading = bold(title);
        heading.setStyle("-fx-padding: 6 0 0 0;");
        return heading;
    }

    /**
     * A section that shows either a text in a monospace face (prompts, outputs; the {@link Text} carries the
     * section's id) or a muted sentence saying why there is none. A {@link Text} that wraps at the width of its
     * box, not a wrapped label: the text is laid out once when it is set (and again only when the pane's width
     * changes), where a wrapped label (or a text flow) lays the whole text out again for every size the layout
     * asks of it, which made most of the time from selecting a case to seeing it. Not a text area either (its
     * skin cost more still).
     */
    private static final class TextSection {
        private static final double PADDING = 6;
        /**
         * Characters of a text laid out: many screens. A model that repeats itself writes up to the 1 MB a route
         * accepts, and the first case of such a size took 0.6 s more of the FX thread to show than a short one
         * (Monocle, software rendering). The copy button still copies the whole text.
         */
        static final int SHOWN = 100_000;
        final String id;
        final Text mono = new Text();
        /** The whole text of the section, which its copy button copies; empty when it shows none. */
        String whole = "";
        final StackPane frame = new StackPane(mono);
        final Label muted = CaseDetailView.muted("");
        final VBox box = new VBox(frame, muted);

        TextSection(String id) {
            this.id = id;
            mono.setStyle("-fx-font-family: 'monospace'; -fx-fill: -color-fg-default;");
            frame.setAlignment(Pos.TOP_LEFT);
            // The frame is as wide as the pane, whatever the text: the text wraps to it.
            frame.setMinWidth(0);
            frame.setMinHeight(Region.USE_PREF_SIZE);
            frame.setStyle("-fx-padding: " + PADDING + "; -fx-background-color: -color-bg-subtle; -fx-background-radius: 4;");
            frame.widthProperty().addListener((o, was, now) -> mono.setWrappingWidth(Math.max(1, now.doubleValue() - 2 * PADDING)));
        }

        void text(String text) {
            whole = text;
            mono.setText(text.length() <= SHOWN ? text : Clipped.start(text, SHOWN) + String.format(Locale.ROOT,
                    "\n… (clipped here: %,d characters in all; the copy button copies them all)", text.length()));
            muted.setText("");
            // The id goes with the text: a lookup finds the monospace text only while it is shown.
            if (mono.getId() == null) mono.setId(id);
            showIf(frame, true);
            showIf(muted, false);
        }

        void none(String text) {
            whole = "";
            muted.setText(text);
            mono.setText("");
            if (mono.getId() != null) mono.setId(null);
            // Why there is no text ("no output to parse") goes by an id of its own: ID-none.
            if (muted.getId() == null) muted.setId(id + "-none");
            showIf(frame, false);
            showIf(muted, true);
        }
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Label muted(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static String orDash(String s) {
        return s == null ? "—" : s;
    }

    private static String pretty(JsonNode node) {
        return Json.pretty(node);
    }
}
