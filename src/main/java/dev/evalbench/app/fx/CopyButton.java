package dev.evalbench.app.fx;

import atlantafx.base.theme.Styles;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A small button that puts a text on the clipboard: the detail panes show prompts, outputs and a call's ids as
 * plain text nodes (laid out once per case, where selectable text areas cost most of the time to show a case), so
 * nothing in them could be selected or copied. It copies what the pane shows (masked values stay masked unless the
 * user revealed them), shows a tick for a moment, and is disabled while there is nothing to copy. FX thread only.
 */
public final class CopyButton {
    /** How long the tick stands in for the copy icon after a copy. */
    static final Duration CONFIRMATION = Duration.seconds(1.5);

    private CopyButton() {}

    /**
     * @param id the button's id
     * @param what what it copies, for its tooltip ("the raw output")
     * @param text the text to copy when clicked; nothing is copied while it is empty (the caller may also disable
     *     the button then)
     */
    public static Button of(String id, String what, Supplier<String> text) {
        FontIcon copy = new FontIcon("fth-copy");
        FontIcon done = new FontIcon("fth-check");
        Button button = new Button(null, copy);
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        button.setTooltip(new Tooltip("Copy " + what));
        button.setAccessibleText("Copy " + what);
        PauseTransition back = new PauseTransition(CONFIRMATION);
        back.setOnFinished(e -> button.setGraphic(copy));
        button.setOnAction(e -> {
            String shown = text.get();
            if (shown == null || shown.isEmpty()) return;
            toClipboard(shown);
            button.setGraphic(done);
            back.playFromStart();
        });
        return button;
    }

    /** Puts {@code text} on the system clipboard, as plain text (a menu's "Copy", Ctrl+C in a list). FX thread. */
    public static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A section heading with {@code button} at the right end of its row. */
    public static HBox heading(Node heading, Button button) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(4, heading, spacer, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
