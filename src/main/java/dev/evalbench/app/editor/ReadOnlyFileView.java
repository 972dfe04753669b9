package dev.evalbench.app.editor;

import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * A workspace file that is not a prompt (a dataset, a schema, routes, gates), shown read-only in the
 * monospace face with line numbers, so a problem's line and column can be pointed at. FX thread only.
 */
public final class ReadOnlyFileView extends StackPane {
    /** The style class of the line a problem is at. */
    static final String PROBLEM_LINE = "problem-line";
    private final CodeArea area = new CodeArea();
    private int marked = -1;

    public ReadOnlyFileView(String text) {
        getStylesheets().add(ReadOnlyFileView.class.getResource("editor.css").toExternalForm());
        area.getStyleClass().add("read-only-code");
        area.setId("read-only-file");
        area.setEditable(false);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.replaceText(text);
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    /** Replaces the text (the file changed on disk), keeping the caret where it was when it still fits. */
    public void setText(String text) {
        int caret = area.getCaretPosition();
        area.replaceText(text);
        marked = -1; // a new text: the old problem's line may hold something else now
        area.moveTo(Math.min(caret, text.length()));
    }

    /**
     * Puts the caret at a 1-based line and column, scrolls to it and marks that line (a problem's place: a caret
     * in a read-only text blinks nowhere one can see until it has the keyboard). The mark moves with the next call.
     */
    public void moveTo(int line, int column) {
        if (line < 1 || area.getParagraphs().isEmpty()) return;
        int paragraph = Math.min(line - 1, area.getParagraphs().size() - 1);
        if (marked >= 0 && marked < area.getParagraphs().size()) area.setParagraphStyle(marked, java.util.List.of());
        area.setParagraphStyle(paragraph, java.util.List.of(PROBLEM_LINE));
        marked = paragraph;
        area.moveTo(paragraph, Math.max(0, Math.min(column - 1, area.getParagraphLength(paragraph))));
        area.requestFollowCaret();
        area.requestFocus();
    }


    public int caretLine() {
        return area.getCurrentParagraph() + 1;
    }
}
