package dev.evalbench.app.compare;

import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.compare.OutputDiff;
import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The two outputs of a case side by side (RichTextFX, read-only, monospace): one line per diff row on both
 * sides, so equal lines face each other; a changed line is tinted on both sides and its changed words are
 * marked ({@code word-changed}); a line one side lacks is blank there. The panes scroll together, both ways.
 * Each side's text is built as one styled document and only the lines that differ from what the pane shows
 * are replaced ({@link PaneDocument}), so J to the next case makes new line cells only where the text changed.
 * FX thread only.
 */
final class OutputPanes extends HBox {
    /** The least height of the two panes, in pixels: about seven lines of output and the scroll bar. */
    static final double MIN_HEIGHT = 140;
    final StyleClassedTextArea before = area("compare-output-before");
    final StyleClassedTextArea after = area("compare-output-after");

    OutputPanes() {
        super(6);
        VirtualizedScrollPane<StyleClassedTextArea> left = new VirtualizedScrollPane<>(before);
        VirtualizedScrollPane<StyleClassedTextArea> right = new VirtualizedScrollPane<>(after);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(100);
        right.setPrefWidth(100);
        before.estimatedScrollYProperty().bindBidirectional(after.estimatedScrollYProperty());
        before.estimatedScrollXProperty().bindBidirectional(after.estimatedScrollXProperty());
        getChildren().addAll(left, right);
        // Seven lines at least, with the scroll bar: a short case pane scrolls (CompareView) instead of squeezing
        // the outputs, the point of the comparison, to nothing.
        setMinHeight(MIN_HEIGHT);
    }

    private static StyleClassedTextArea area(String id) {
        StyleClassedTextArea area = new StyleClassedTextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("output-pane");
        return area;
    }

    /** Shows {@code diff}; null empties both panes. */
    void show(OutputDiff diff) {
        List<DiffRow> rows = diff == null ? List.of() : diff.rows();
        PaneDocument.show(before, PaneDocument.of(before, rows, DiffRow::before, DiffRow.Kind.INSERTED, "line-deleted"));
        PaneDocument.show(after, PaneDocument.of(after, rows, DiffRow::after, DiffRow.Kind.DELETED, "line-inserted"));
        before.moveTo(0);
        after.moveTo(0);
        // Back to the top left (the other pane follows through the bindings): cheaper than following the caret,
        // which measures the caret's line first.
        before.scrollXToPixel(0);
        before.scrollYToPixel(0);
    }
}
