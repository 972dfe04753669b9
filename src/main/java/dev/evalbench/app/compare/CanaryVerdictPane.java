package dev.evalbench.app.compare;

import atlantafx.base.theme.Styles;
import dev.evalbench.core.canary.CanaryResult;
import dev.evalbench.core.canary.MetricJudgement;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A canary's verdict above the comparison of two traffic runs: promote, roll back or hold with its reason, then each
 * metric as {@code evalbench canary} prints it (FAIL, ok or "--" for no data; the metric; its status; what was
 * measured). Hidden while there is no verdict (any other pair of runs). Bound to a property; FX thread only.
 */
final class CanaryVerdictPane extends VBox {
    private final Label headline = new Label();
    private final GridPane metrics = new GridPane();

    CanaryVerdictPane(ObservableValue<CanaryResult> verdict) {
        super(2);
        setId("compare-canary");
        headline.setId("compare-canary-verdict");
        headline.setWrapText(true);
        // Wrapped, never cut: the comparison's view gives its top no less than its lines need.
        headline.setMinHeight(Region.USE_PREF_SIZE);
        metrics.setId("compare-canary-metrics");
        metrics.setHgap(10);
        for (int column = 0; column < 3; column++) {
            ColumnConstraints whole = new ColumnConstraints();
            whole.setMinWidth(Region.USE_PREF_SIZE);
            metrics.getColumnConstraints().add(whole);
        }
        ColumnConstraints detail = new ColumnConstraints();
        detail.setHgrow(Priority.ALWAYS);
        detail.setMinWidth(0);
        metrics.getColumnConstraints().add(detail);
        getChildren().addAll(headline, metrics);
        setStyle("-fx-padding: 4 0 2 0;");
        show(verdict.getValue());
        verdict.addListener((o, was, now) -> show(now));
    }

    /** "Canary CANARY against control CONTROL: roll back. Its reason." */
    static String headline(CanaryResult r) {
        return "Canary " + r.canaryRunId() + " against control " + r.controlRunId() + ": " + r.verdict().words() + ". "
                + dev.evalbench.core.text.Counted.capitalized(r.reason()) + (r.reason().endsWith(".") ? "" : ".");
    }

    private void show(CanaryResult r) {
        setManaged(r != null);
        setVisible(r != null);
        metrics.getChildren().clear();
        if (r == null) return;
        headline.setText(headline(r));
        headline.getStyleClass().setAll("label", Styles.TEXT_BOLD, switch (r.verdict()) {
            case PROMOTE -> Styles.SUCCESS;
            case ROLL_BACK -> Styles.DANGER;
            case HOLD -> Styles.WARNING;
        });
        int row = 0;
        for (MetricJudgement m : r.metrics()) {
            Label mark = new Label(m.mark());
            mark.getStyleClass().add(m.bad() ? Styles.DANGER : Styles.TEXT_MUTED);
            Label name = new Label(m.metric().label());
            Label status = new Label(m.statusWords());
            Label detail = new Label(m.detail());
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            detail.setWrapText(true);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            metrics.addRow(row++, mark, name, status, detail);
        }
    }
}
