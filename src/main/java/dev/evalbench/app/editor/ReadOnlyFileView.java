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
    private final CodeArea area = new CodeArea();

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
        area.moveTo(Math.min(caret, text.length()));
    }

    /** Puts the caret at a 1-based line and column and scrolls to it. */
    public void moveTo(int line, int column) {
        if (line < 1 || area.getParagraphs().isEmpty()) return;
        int paragraph = Math.min(line - 1, area.getParagraphs().size() - 1);
        area.moveTo(paragraph, Math.max(0, Math.min(column - 1, area.getParagraphLength(paragraph))));
        area.requestFollowCaret();
    }

    public int caretLine() {
        return area.getCurrentParagraph() + 1;
    }
}
