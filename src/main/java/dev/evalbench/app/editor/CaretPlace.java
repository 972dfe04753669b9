package dev.evalbench.app.editor;

import org.fxmisc.richtext.CodeArea;

/**
 * A 1-based line and column (a problem's place, as the loader counts) put to a code area's caret: clamped to the
 * text, scrolled into sight. Shared by the template, configuration and read-only views. FX thread only.
 */
final class CaretPlace {
    private CaretPlace() {}

    /**
     * Moves the caret of {@code area} (which must have a paragraph) to {@code line} and {@code column}, each held to the
     * text, and scrolls to it.
     *
     * @return the 0-based paragraph the caret is in
     */
    static int moveTo(CodeArea area, int line, int column) {
        int paragraph = Math.min(line - 1, area.getParagraphs().size() - 1);
        area.moveTo(paragraph, Math.max(0, Math.min(column - 1, area.getParagraphLength(paragraph))));
        area.requestFollowCaret();
        return paragraph;
    }
}
