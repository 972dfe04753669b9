package dev.evalbench.app.gates;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A gate in the detail pane, chosen in the gates panel: its verdict, and every number the panel's row has in a
 * column of its own, one under the other (value, threshold with how a baseline moved it, baseline, change, 95%
 * interval, p-value), then the gate's sentence and which of the run's cases the results now list. In a narrow
 * centre the panel's interval and p columns are behind a sideways scroll; here they sit beside the value they
 * qualify. Built when shown; FX thread only.
 */
public final class GateDetail extends VBox {
    public GateDetail(GateRow row) {
        super(10);
        setId("gate-detail");
        setStyle("-fx-padding: 10;");
        // A gate that did not run passes (it must not fail a partial run) but measured nothing, as does one of an
        // outage's run: it reads as the panel's row reads it, a dash in muted text, not as a green check.
        boolean measured = row.measured();
        Label title = new Label(row.word() + "  " + row.id() + " (" + row.kind() + ")",
                new FontIcon(!measured ? "fth-minus-circle" : row.passed() ? "fth-check-circle" : "fth-x-circle"));
        title.setId("gate-detail-title");
        title.getStyleClass().addAll(Styles.TEXT_BOLD, !measured ? Styles.TEXT_MUTED : row.passed() ? Styles.SUCCESS : Styles.DANGER);
        title.setWrapText(true);

        GridPane numbers = new GridPane();
        numbers.setId("gate-detail-numbers");
        numbers.setHgap(14);
        numbers.setVgap(4);
        List<String[]> lines = List.of(new String[] {"Value", row.value()},
                new String[] {"Threshold", row.thresholdInFull()}, new String[] {"Baseline", row.baseline()},
                new String[] {"Change", row.change()}, new String[] {"95% interval", row.interval()},
                new String[] {"p-value", row.pValue()});
        for (int i = 0; i < lines.size(); i++) {
            Label name = new Label(lines.get(i)[0]);
            name.getStyleClass().add(Styles.TEXT_MUTED);
            // The names keep their words; the values wrap in what is left of a narrow pane.
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(lines.get(i)[1]);
            value.setWrapText(true);
            numbers.addRow(i, name, value);
        }

        Label sentence = new Label(row.sentence());
        sentence.setId("gate-detail-sentence");
        sentence.setWrapText(true);
        getChildren().addAll(title, numbers, sentence);
        if (row.casesInWords() != null) {
            Label cases = new Label(row.casesInWords());
            cases.setId("gate-detail-cases");
            cases.getStyleClass().add(Styles.TEXT_MUTED);
            cases.setWrapText(true);
            getChildren().add(cases);
        }
    }
}
