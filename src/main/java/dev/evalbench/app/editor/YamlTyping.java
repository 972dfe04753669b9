package dev.evalbench.app.editor;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * A YAML file's keys in a code area, as a YAML editor types them ({@link YamlIndent}): Enter keeps the line's
 * indentation, Tab indents with spaces (YAML refuses tabs there) and Shift+Tab takes one level back, and text typed
 * at the margin of an empty line inside a block goes in at the block's indentation, where a line at the margin would
 * end the block. For the template editor and the configuration files' editor alike. FX thread only.
 */
final class YamlTyping {
    private YamlTyping() {}

    /** @param keysNest a configuration file: a key with no value opens a level ({@link YamlIndent#newLine(String, boolean)}) */
    static void install(CodeArea area, boolean keysNest) {
        // Text typed at the margin of an empty line inside a block (a click on the blank line between two
        // paragraphs of the system prompt puts the caret there) goes in at the block's indentation.
        area.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String typed = e.getCharacter();
            if (e.isShortcutDown() || e.isAltDown() || typed.isEmpty() || typed.isBlank()
                    || Character.isISOControl(typed.charAt(0)) || area.getCaretColumn() != 0
                    || area.getSelection().getLength() > 0) {
                return;
            }
            int paragraph = area.getCurrentParagraph();
            List<String> lines = area.getParagraphs().stream().map(p -> p.getText()).toList();
            String indent = YamlIndent.onEmptyLine(lines, paragraph);
            if (!indent.isEmpty()) area.insertText(area.getCaretPosition(), indent);
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) return;
            int paragraph = area.getCurrentParagraph();
            if (e.getCode() == KeyCode.ENTER && !e.isShiftDown()) {
                String before = area.getParagraph(paragraph).getText().substring(0, area.getCaretColumn());
                area.replaceSelection(YamlIndent.newLine(before, keysNest));
            } else if (e.getCode() == KeyCode.TAB && !e.isShiftDown()) {
                area.replaceSelection(YamlIndent.STEP);
            } else if (e.getCode() == KeyCode.TAB) {
                int remove = YamlIndent.outdent(area.getParagraph(paragraph).getText());
                if (remove > 0) area.deleteText(paragraph, 0, paragraph, remove);
            } else {
                return;
            }
            area.requestFollowCaret();
            e.consume();
        });
    }
}
