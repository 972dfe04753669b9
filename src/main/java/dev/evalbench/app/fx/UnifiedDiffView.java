package dev.evalbench.app.fx;

import dev.evalbench.core.compare.UnifiedLine;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;

/**
 * A diff read as a patch, one text under the other (RichTextFX, read-only, monospace, lines wrapped to the width):
 * a gutter with each line's number and sign, removed lines tinted red and added lines green, and in a changed line
 * the words that changed marked strongly, so a one-character edit in a long prompt line is in sight without
 * scrolling sideways. The text selects and copies without the gutter. Shows {@link #setPlaceholder its placeholder}
 * while it has no line. FX thread only.
 */
public final class UnifiedDiffView extends StackPane {
    private static final List<String> PLAIN = List.of();

    private final StyleClassedTextArea area = new StyleClassedTextArea();
    private final Label placeholder = new Label();
    private List<UnifiedLine> lines = List.of();

    public UnifiedDiffView() {
        getStyleClass().add("unified-diff");
        getStylesheets().add(UnifiedDiffView.class.getResource("diff.css").toExternalForm());
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("unified-diff-text");
        area.setParagraphGraphicFactory(this::gutter);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().addAll("text-muted", "diff-placeholder");
        placeholder.setMaxWidth(Double.MAX_VALUE);
        VirtualizedScrollPane<StyleClassedTextArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.visibleProperty().bind(placeholder.visibleProperty().not());
        getChildren().addAll(scroll, placeholder);
        setMinSize(0, 0);
        show(List.of());
    }

    /** Shows {@code shown}, from its first line; an empty list shows the placeholder. */
    public void show(List<UnifiedLine> shown) {
        lines = List.copyOf(shown);
        placeholder.setVisible(lines.isEmpty());
        var builder = new ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>>(area.getSegOps(), PLAIN);
        // Only a changed line's words are marked (UnifiedLine); a line's tint says the rest.
        for (UnifiedLine line : lines) {
            List<String> marked = List.of(wordClass(line.kind()));
            builder.addParagraph(StyledRuns.of(line.segments(), true, marked), List.of(lineClass(line.kind())));
        }
        if (lines.isEmpty()) builder.addParagraph("", PLAIN, PLAIN);
        area.replace(builder.build());
        area.moveTo(0);
        area.scrollYToPixel(0);
    }

    /** What an empty view says. */
    public void setPlaceholder(String text) {
        placeholder.setText(text);
    }

    public String placeholderText() {
        return placeholder.getText();
    }

    /** The lines shown. */
    public List<UnifiedLine> lines() {
        return lines;
    }

    /** The area that shows the text: for tests that read what a line's words are drawn with. */
    public StyleClassedTextArea area() {
        return area;
    }

    /**
     * The style class of a line of {@code kind}: {@code diff-same}, {@code diff-removed}, {@code diff-added} or
     * {@code diff-gap}.
     */
    public static String lineClass(UnifiedLine.Kind kind) {
        return "diff-" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** The style class of a changed word in a line of {@code kind}: {@code word-removed} or {@code word-added}. */
    public static String wordClass(UnifiedLine.Kind kind) {
        return kind == UnifiedLine.Kind.REMOVED ? "word-removed" : "word-added";
    }

    /** The gutter of paragraph {@code index}: the line's number (none in a gap) and its sign. */
    private Node gutter(int index) {
        UnifiedLine line = index < lines.size() ? lines.get(index) : null;
        String number = line == null || line.number() == null ? "" : String.valueOf(line.number());
        char sign = line == null || line.kind() == UnifiedLine.Kind.GAP ? ' ' : line.kind().sign();
        Label label = new Label(String.format(Locale.ROOT, "%5s %c", number, sign));
        label.getStyleClass().add("diff-gutter");
        // At the first row of a wrapped line, not in the middle of its rows.
        label.setAlignment(Pos.TOP_RIGHT);
        label.setMaxHeight(Double.MAX_VALUE);
        if (line != null) label.getStyleClass().add(lineClass(line.kind()));
        return label;
    }
}
