package dev.evalbench.app.editor;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A workspace file that no editor of the window edits (a traffic capture, a README, a generator script, a dataset's
 * line opened from a problem), shown read-only in the monospace face with line numbers, so a problem's line and column
 * can be pointed at. A line above the text
 * says it is read-only and where to edit it: keys typed into it did nothing, and said nothing. FX thread only.
 */
public final class ReadOnlyFileView extends BorderPane implements dev.evalbench.app.fx.Filterable {
    /** The style class of the line a problem is at. */
    static final String PROBLEM_LINE = "problem-line";
    private final CodeArea area = new CodeArea();
    private final FindBar find = new FindBar(area);
    private int marked = -1;

    /**
     * @param file         the file's path in the workspace, as the note names it
     * @param openElsewhere opens the file in the desktop's editor for it (the note said "edit it in your editor" and
     *                     left finding the file to the reader)
     */
    public ReadOnlyFileView(String file, String text, Runnable openElsewhere) {
        getStylesheets().add(ReadOnlyFileView.class.getResource("editor.css").toExternalForm());
        Label note = new Label("Read-only here: edit " + file + " in your editor. This view and the problems below"
                + " follow the file each time it is saved.");
        note.setId("read-only-note");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        Button edit = new Button("Open in your editor", new FontIcon("fth-external-link"));
        edit.setId("read-only-open-elsewhere");
        edit.setTooltip(new Tooltip("Opens " + file + " with the desktop's application for it"));
        edit.setOnAction(e -> openElsewhere.run());
        edit.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(note, Priority.ALWAYS);
        note.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, note, edit);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(new VBox(bar, find));
        area.getStyleClass().add("read-only-code");
        area.setId("read-only-file");
        area.setEditable(false);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.replaceText(text);
        setCenter(new VirtualizedScrollPane<>(area));
        find.found().addListener((javafx.beans.InvalidationListener) o -> tintFound());
    }

    /** Replaces the text (the file changed on disk), keeping the caret where it was when it still fits. */
    public void setText(String text) {
        int caret = area.getCaretPosition();
        area.replaceText(text);
        tintFound(); // a new text has no styles: the occurrences the bar still finds are tinted again
        marked = -1; // a new text: the old problem's line may hold something else now
        area.moveTo(Math.min(caret, text.length()));
    }

    /** The find bar's other occurrences tinted, and no other text ({@link FindTint}). */
    private void tintFound() {
        area.setStyleSpans(0, FindTint.over(FindTint.plain(area.getLength()), find.found()));
    }

    /**
     * Puts the caret at a 1-based line and column, scrolls to it and marks that line (a problem's place: a caret
     * in a read-only text blinks nowhere one can see until it has the keyboard). The mark moves with the next call.
     */
    public void moveTo(int line, int column) {
        if (line < 1 || area.getParagraphs().isEmpty()) return;
        if (marked >= 0 && marked < area.getParagraphs().size()) area.setParagraphStyle(marked, java.util.List.of());
        marked = CaretPlace.moveTo(area, line, column);
        area.setParagraphStyle(marked, java.util.List.of(PROBLEM_LINE));
        area.requestFocus();
    }


    /** Ctrl+F: the find bar above the text ({@link FindBar}). */
    @Override
    public void focusFilter() {
        find.open();
    }

    public int caretLine() {
        return area.getCurrentParagraph() + 1;
    }
}
