package dev.evalbench.app.history;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One run in the history list, on two lines: date and verdict (icon and word: pass, FAIL n, incomplete, no answer,
 * cases left, running); then, for production traffic or a shadow replay, a "traffic" / "shadow" mark, the run's tags
 * (the baseline {@code main} among them), and routes, prompt revisions and cases. The tooltip holds all of it in words.
 * Reused as the list scrolls. FX thread only.
 */
final class RunCell extends ListCell<RunRow> {
    private final ZoneId zone;
    private final Label when = new Label();
    private final Label verdict = new Label();
    private final Label facts = new Label();
    /** "traffic" or "shadow": production requests or a replay of them, not an eval of the workspace's suites. */
    private final Label kind = new Label();
    private final Label tags = new Label();
    /** The whole row in words: the list is narrow and cuts the second line; "FAIL 2" does not say of how many. */
    private final Tooltip whole = new Tooltip();
    private final VBox box;

    RunCell(ZoneId zone) {
        this.zone = zone;
        // The verdict and the date keep their words in the narrow list. The mark and the tags lead the second line,
        // whose facts give way (the row's tooltip says them whole): beside the verdict and the date, a capture's tag
        // ("production", "canary": what tells captures apart) was cut to "pr…".
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        when.getStyleClass().add("run-when");
        verdict.getStyleClass().add("run-verdict");
        when.setMinWidth(Region.USE_PREF_SIZE);
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        kind.getStyleClass().addAll("run-kind", Styles.TEXT_SMALL, Styles.ACCENT);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        tags.getStyleClass().addAll("run-tags", Styles.TEXT_SMALL, Styles.ACCENT);
        tags.setMinWidth(Region.USE_PREF_SIZE);
        facts.setMinWidth(0);
        HBox top = new HBox(8, verdict, when);
        HBox second = new HBox(6, kind, tags, facts);
        box = new VBox(1, top, second);
        // Fit the list's width: text is cut with an ellipsis instead of the list scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(RunRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        when.setText(row.when(zone));
        String mark = row.mark();
        kind.setText(mark);
        kind.setGraphic(mark.isEmpty() ? null : new FontIcon(switch (mark) {
            case "traffic" -> "fth-radio";
            case "slice" -> "fth-scissors";
            default -> "fth-eye";
        }));
        kind.setVisible(!mark.isEmpty());
        kind.setManaged(!mark.isEmpty());
        tags.setText(row.tags());
        tags.setGraphic(row.tags().isEmpty() ? null : new FontIcon("fth-tag"));
        tags.setVisible(!row.tags().isEmpty());
        tags.setManaged(!row.tags().isEmpty());
        String word;
        String literal;
        String colour;
        if (row.header().status() == dev.evalbench.core.record.RunStatus.RUNNING) {
            word = "running"; literal = "fth-loader"; colour = "accent";
        } else if (row.resumable() && row.outage()) {
            // Not paused: the route was down. Told apart from a run someone stopped.
            word = "no answer"; literal = "fth-wifi-off"; colour = "warning";
        } else if (row.resumable() && row.left() != null) {
            // Nor paused: the route or a judge's route kept some cases from being measured (the tooltip says which).
            word = "cases left"; literal = "fth-alert-triangle"; colour = "warning";
        } else if (row.resumable()) {
            word = "incomplete"; literal = "fth-pause-circle"; colour = "warning";
        } else if (row.gates() == null) {
            word = "gating…"; literal = "fth-clock"; colour = "fg";
        } else if (row.gates().equals("pass")) {
            word = "pass"; literal = "fth-check-circle"; colour = "success";
        } else {
            word = row.gates(); literal = "fth-x-circle"; colour = "danger";
        }
        verdict.setText(word);
        String fg = colour.equals("fg") ? "-color-fg-muted" : "-color-" + colour + "-fg";
        // A new icon per update, made with its literal: one whose literal is set later can lose its font.
        FontIcon icon = new FontIcon(literal);
        // Appended: the icon keeps its font in its own inline style.
        icon.setStyle(icon.getStyle() + "-fx-icon-color: " + fg + ";");
        verdict.setGraphic(icon);
        verdict.setStyle("-fx-text-fill: " + fg + ";");
        StringBuilder s = new StringBuilder(row.routes());
        if (row.prompts() != null && !row.prompts().isEmpty()) s.append(" · ").append(row.prompts());
        s.append(" · ").append(row.cases());
        facts.setText(s.toString());
        whole.setText(row.description(zone));
        setTooltip(whole);
        setText(null);
        setGraphic(box);
    }
}
