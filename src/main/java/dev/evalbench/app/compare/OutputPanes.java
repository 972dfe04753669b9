package dev.evalbench.app.compare;

import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.compare.DiffSegment;
import dev.evalbench.core.compare.OutputDiff;
import java.util.List;
import java.util.function.Function;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;

/**
 * The two outputs of a case side by side (RichTextFX, read-only, monospace): one line per diff row on both
 * sides, so equal lines face each other; a changed line is tinted on both sides and its changed words are
 * marked ({@code word-changed}); a line one side lacks is blank there. The panes scroll together, both ways.
 * FX thread only.
 */
final class OutputPanes extends HBox {
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
        setMinHeight(0);
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
        fill(before, diff == null ? List.of() : diff.rows(), DiffRow::before, DiffRow.Kind.INSERTED, "line-deleted");
        fill(after, diff == null ? List.of() : diff.rows(), DiffRow::after, DiffRow.Kind.DELETED, "line-inserted");
    }

    /**
     * One paragraph per row; {@code absent} is the kind of row this side has no line for, {@code own} the
     * class of a row only this side has. Text inserted in one batch, then styled: RichTextFX lays out once.
     */
    private static void fill(StyleClassedTextArea area, List<DiffRow> rows, Function<DiffRow, List<DiffSegment>> side,
                             DiffRow.Kind absent, String own) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) text.append('\n');
            for (DiffSegment s : side.apply(rows.get(i))) text.append(s.text());
        }
        area.replaceText(text.toString());
        int offset = 0;
        for (int i = 0; i < rows.size(); i++) {
            DiffRow row = rows.get(i);
            String style = switch (row.kind()) {
                case EQUAL -> null;
                case CHANGED -> "line-changed";
                default -> row.kind() == absent ? "line-missing" : own;
            };
            if (style != null) area.setParagraphStyle(i, List.of(style));
            for (DiffSegment s : side.apply(row)) {
                if (s.changed() && row.kind() == DiffRow.Kind.CHANGED) {
                    area.setStyleClass(offset, offset + s.text().length(), "word-changed");
                }
                offset += s.text().length();
            }
            offset++; // the newline
        }
        area.moveTo(0);
        area.requestFollowCaret();
    }
}
