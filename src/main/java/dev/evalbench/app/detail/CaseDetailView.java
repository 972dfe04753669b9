package dev.evalbench.app.detail;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.Attempt;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.FallbackTaken;
import dev.evalbench.core.record.Message;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The detail pane of one case, built when the case is selected from its full record: input variables, the
 * rendered prompt, the raw and parsed output (monospace), validation errors, the decision and its reasons,
 * each scored field against the expected value, and latency, tokens, cost, attempts, fallbacks and trace id.
 * FX thread only; holds nothing after it is replaced.
 */
public final class CaseDetailView extends ScrollPane {
    private final VBox body = new VBox(6);

    /** @param vars the case's input variables from its dataset, or null when the dataset is not at hand */
    public CaseDetailView(CaseRecord r, JsonNode vars) {
        setId("case-detail");
        setFitToWidth(true);
        body.setStyle("-fx-padding: 8;");
        Label title = new Label(r.key().caseId());
        title.getStyleClass().add(Styles.TITLE_4);
        Label key = new Label(r.key().toString());
        key.getStyleClass().add(Styles.TEXT_MUTED);
        body.getChildren().addAll(title, key, verdict(r));
        section("Input variables", vars == null ? muted("not in the open dataset") : mono("detail-vars", pretty(vars)));
        StringBuilder prompt = new StringBuilder();
        for (Message m : r.messages()) prompt.append("[").append(m.role()).append("]\n").append(m.content()).append("\n\n");
        section("Rendered prompt", mono("detail-prompt", prompt.toString().strip()));
        section("Raw output", r.rawOutput() != null ? mono("detail-raw", r.rawOutput())
                : muted("No answer: " + r.failureKind() + (r.failureMessage() == null ? "" : ": " + r.failureMessage())));
        section("Parsed output", r.parsed() != null ? mono("detail-parsed", pretty(r.parsed())) : muted("not JSON"));
        section("Validation", r.schemaErrors().isEmpty() ? muted(r.failureKind() == null ? "schema-valid" : "no output to validate")
                : mono("detail-schema-errors", String.join("\n", r.schemaErrors())));
        section("Decision", decision(r.decision()));
        section("Scores against expected", scores(r));
        if (!r.judgements().isEmpty()) section("Judges", wrapped(String.join("\n", r.judgements().stream().map(dev.evalbench.core.gate.ci.JudgeWording::verdict).toList())));
        section("Call", numbers(r));
        setContent(body);
    }

    private Node verdict(CaseRecord r) {
        boolean error = r.failureKind() != null;
        String word = error ? "error" : r.passed() ? "pass" : "FAIL";
        String colour = error ? "warning" : r.passed() ? "success" : "danger";
        FontIcon icon = new FontIcon(error ? "fth-alert-triangle" : r.passed() ? "fth-check-circle" : "fth-x-circle");
        // Appended: the icon keeps its font in its own inline style.
        icon.setStyle(icon.getStyle() + "-fx-icon-color: -color-" + colour + "-fg;");
        Label l = new Label(word, icon);
        l.setId("detail-verdict");
        l.setStyle("-fx-text-fill: -color-" + colour + "-fg; -fx-font-weight: bold;");
        VBox box = new VBox(2, l);
        if (r.evaluation() != null) for (String f : r.evaluation().failures()) box.getChildren().add(wrapped("• " + f));
        return box;
    }

    private Node decision(Decision d) {
        if (d == null) return muted("No decision: there was no parsable output.");
        String text = (d.accepted() ? "accepted" : "rejected") + ": proposed " + orDash(d.proposedAction())
                + ", final " + orDash(d.finalAction())
                + (d.rule() == null ? "" : "\nrule " + d.rule()) + (d.reason() == null ? "" : "\n" + d.reason());
        Label l = wrapped(text);
        l.setId("detail-decision");
        return l;
    }

    private Node scores(CaseRecord r) {
        if (r.evaluation() == null || r.evaluation().checks().isEmpty()) return muted("nothing scored");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
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
        return grid;
    }

    private Node numbers(CaseRecord r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "latency %d ms · tokens %d in, %d out · cost $%.6f%n", r.latencyMs(),
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
        Label l = wrapped(s.toString());
        l.setId("detail-call");
        return l;
    }

    private void section(String title, Node content) {
        Label heading = bold(title);
        heading.setStyle("-fx-padding: 6 0 0 0;");
        body.getChildren().addAll(heading, content);
    }

    /**
     * Prompts and outputs in a monospace face. A label, not a text area: a text area's skin (scroll pane, caret,
     * text layout) took most of the time from selecting a case to seeing it.
     */
    private static Label mono(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setStyle("-fx-font-family: 'monospace'; -fx-padding: 6; -fx-background-color: -color-bg-subtle;"
                + " -fx-background-radius: 4;");
        return label;
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
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
