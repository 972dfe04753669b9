package dev.evalbench.app.editor;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.GenericStyledArea;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Find in a file's text, above it (Ctrl+F): what is typed is selected in the text as it is typed, ignoring case,
 * and the other occurrences are listed in {@link #found()} for the view to tint ({@link FindTint}); Enter or F3
 * goes to the next occurrence, Shift+Enter or Shift+F3 to the one before, wrapping (F3 from the text too); "2 of 5"
 * says where the selection is; Esc closes the bar, clears the tints and gives the text the keyboard, the occurrence
 * still selected. Hidden until asked for. FX thread only.
 */
final class FindBar extends HBox {
    private final GenericStyledArea<?, ?, ?> area;
    private final TextField field = new TextField();
    private final Label count = new Label();
    private final ObservableList<IndexRange> found = FXCollections.observableArrayList();

    FindBar(GenericStyledArea<?, ?, ?> area) {
        super(6);
        this.area = area;
        setId("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-padding: 2 6 2 6;");
        field.setId("find-field");
        field.setPromptText("Find in the text");
        field.setPrefColumnCount(24);
        count.setId("find-count");
        Button close = new Button(null, new FontIcon("fth-x"));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setTooltip(new Tooltip("Close (Esc)"));
        close.setOnAction(e -> close());
        getChildren().addAll(new Label("Find"), field, count, close);
        field.textProperty().addListener((o, was, now) -> show(selectionStart(), true));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F3) {
                step(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        // From the text too, as editors do: F3 / Shift+F3 find the next or previous occurrence of what was looked for
        // last (the bar opens again to say which, the keyboard staying in the text); Esc there closes the bar.
        area.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F3 && !e.isShortcutDown() && !e.isAltDown()) {
                if (field.getText().isEmpty()) {
                    open();
                } else {
                    setVisible(true);
                    setManaged(true);
                    step(!e.isShiftDown());
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && isVisible()) {
                close();
                e.consume();
            }
        });
        // Typed while the bar is open: the tints follow the text as it is now.
        area.textProperty().addListener((o, was, now) -> {
            if (isVisible()) tint(TextFind.starts(now, field.getText()), selectionStart());
        });
        setVisible(false);
        setManaged(false);
    }

    /**
     * The occurrences to tint, in order: all but the one the text's selection shows (a tint behind it would hide
     * the selection's own colour); empty while the bar is closed. Set as a whole, one change at a time.
     */
    ObservableList<IndexRange> found() {
        return found;
    }

    /** Shows the bar with the keyboard in it: the text's one-line selection to find, else what was found last. */
    void open() {
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) field.setText(selected);
        setVisible(true);
        setManaged(true);
        dev.evalbench.app.fx.AfterLayout.runIn(field, () -> {
            field.requestFocus();
            field.selectAll();
        });
        show(selectionStart(), true);
    }

    private void close() {
        setVisible(false);
        setManaged(false);
        found.clear();
        area.requestFocus();
    }

    /** The occurrence after the selection (forward) or before it: Enter, F3, Shift+Enter, Shift+F3. */
    private void step(boolean forward) {
        int caret = selectionStart();
        show(forward ? caret + 1 : caret, forward);
    }

    private int selectionStart() {
        return area.getSelection().getLength() > 0 ? area.getSelection().getStart() : area.getCaretPosition();
    }

    /** {@link #found()}: the occurrences at {@code starts}, but the one at {@code selected}. */
    private void tint(List<Integer> starts, int selected) {
        int length = field.getText().length();
        List<IndexRange> others = new ArrayList<>(starts.size());
        for (int start : starts) if (start != selected) others.add(new IndexRange(start, start + length));
        if (!others.equals(found)) found.setAll(others);
    }

    /** Selects the occurrence next from {@code from} (see {@link TextFind#next}) and says which it is. */
    private void show(int from, boolean forward) {
        String wanted = field.getText();
        List<Integer> starts = TextFind.starts(area.getText(), wanted);
        int at = TextFind.next(starts, from, forward);
        tint(starts, at < 0 ? -1 : starts.get(at));
        count.getStyleClass().remove(Styles.DANGER);
        if (wanted.isEmpty()) {
            count.setText("");
            return;
        }
        if (at < 0) {
            count.setText("No match");
            count.getStyleClass().add(Styles.DANGER);
            return;
        }
        count.setText((at + 1) + " of " + starts.size());
        int start = starts.get(at);
        area.selectRange(start, start + wanted.length());
        area.requestFollowCaret();
    }
}
