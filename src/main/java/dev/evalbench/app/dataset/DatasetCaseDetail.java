package dev.evalbench.app.dataset;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalbench.app.detail.RevealBar;
import dev.evalbench.app.fx.CopyButton;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.layout.VBox;

/**
 * The detail of one dataset case, for the detail pane: where it is (suite, id, file and line), its input
 * variables as YAML ({@link dev.evalbench.app.detail.VariablesText}) and its expected value (or a safety probe's
 * expectation) as indented JSON in a monospace face, and its
 * tags. Restricted values show masked, as in reports, with a bar that reveals them as the dataset keeps them and
 * masks them again (each case shown starts masked); a case with nothing to mask has no bar. One pane per dataset
 * tab, refilled case after case. FX thread only.
 */
public final class DatasetCaseDetail extends BorderPane {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String file;
    private final Label title = new Label();
    private final Label where = new Label();
    private final Text vars = mono("dataset-case-vars");
    private final Text expected = mono("dataset-case-expected");
    private final Label tags = new Label();
    private final ScrollPane scroll = new ScrollPane();
    private final RevealBar bar = new RevealBar("dataset-reveal", "the dataset", this::reveal);
    private DatasetRow row;

    /** @param file the dataset's path in the workspace, e.g. {@code datasets/tickets.jsonl} */
    public DatasetCaseDetail(String file) {
        this.file = file;
        setId("dataset-case");
        title.getStyleClass().add(Styles.TITLE_4);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        tags.setWrapText(true);
        VBox box = new VBox(6, title, where, copyable("Input variables", "dataset-case-vars-copy", "the input variables", vars),
                new TextFlow(vars), copyable("Expected", "dataset-case-expected-copy", "the expected value", expected),
                new TextFlow(expected), heading("Tags"), tags);
        box.setPadding(new Insets(8));
        scroll.setContent(box);
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    /** Shows {@code row}, its restricted values masked; returns this pane. */
    public DatasetCaseDetail show(DatasetRow row) {
        this.row = row;
        title.setText(row.id());
        where.setText("suite " + row.suite() + " · " + file + ", line " + row.line());
        tags.setText(row.tags().isEmpty() ? "—" : String.join(", ", row.tags()));
        setTop(row.masked() ? bar : null);
        bar.reveal(false);
        scroll.setVvalue(0);
        return this;
    }

    private void reveal(boolean revealed) {
        String shownVars = revealed ? row.rawVars() : row.vars();
        String shownExpected = revealed ? row.rawExpected() : row.expected();
        vars.setText(variables(shownVars));
        expected.setText(shownExpected.isEmpty() ? "—" : indented(shownExpected));
    }

    private static String variables(String compactJson) {
        try {
            return dev.evalbench.app.detail.VariablesText.of(JSON.readTree(compactJson));
        } catch (JsonProcessingException e) {
            return compactJson; // as in indented
        }
    }

    private static String indented(String compactJson) {
        try {
            return JSON.writer(dev.evalbench.core.json.Json.prettyPrinter()).writeValueAsString(JSON.readTree(compactJson));
        } catch (JsonProcessingException e) {
            return compactJson; // written by DatasetRow from a parsed tree: does not happen, and the text still reads
        }
    }

    /** A heading with a button that copies {@code text} as shown (masked unless revealed). */
    private static Node copyable(String title, String id, String what, Text text) {
        return CopyButton.heading(heading(title), CopyButton.of(id, what, text::getText));
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    private static Text mono(String id) {
        Text t = new Text();
        t.setId(id);
        t.setStyle("-fx-font-family: 'monospace'; -fx-fill: -color-fg-default;");
        return t;
    }
}
