package dev.evalbench.app.compare;

import dev.evalbench.app.fx.StyledRuns;
import dev.evalbench.core.compare.DiffRow;
import dev.evalbench.core.compare.DiffSegment;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.Paragraph;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;

/**
 * One side of a diff as the paragraphs of a {@link StyleClassedTextArea}: a paragraph per diff row, styled
 * {@code line-changed}, {@code line-missing} or the side's own class, the changed words of a changed row as
 * one {@code word-changed} span each (neighbouring segments of the same style merged, so a line has as few text
 * nodes as it can).
 *
 * <p>{@link #show} puts such paragraphs into an area by replacing only the run of lines that differ from what it
 * shows (lines equal at the start and at the end are kept): RichTextFX makes a new cell, with its CSS and
 * layout, for every replaced paragraph, and keeps the cells of the others. Pure building; {@link #show} on the
 * FX thread.
 */
final class PaneDocument {
    private static final List<String> PLAIN = List.of();
    private static final List<String> WORD_CHANGED = List.of("word-changed");

    private PaneDocument() {}

    /**
     * @param absent the kind of row this side has no line for
     * @param own    the class of a row only this side has
     */
    static List<Paragraph<Collection<String>, String, Collection<String>>> of(StyleClassedTextArea area, List<DiffRow> rows,
            Function<DiffRow, List<DiffSegment>> side, DiffRow.Kind absent, String own) {
        var builder = new ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>>(area.getSegOps(), PLAIN);
        for (DiffRow row : rows) {
            List<String> style = switch (row.kind()) {
                case EQUAL -> PLAIN;
                case CHANGED -> List.of("line-changed");
                default -> List.of(row.kind() == absent ? "line-missing" : own);
            };
            builder.addParagraph(StyledRuns.of(side.apply(row), row.kind() == DiffRow.Kind.CHANGED, WORD_CHANGED), style);
        }
        if (rows.isEmpty()) builder.addParagraph("", PLAIN, PLAIN);
        return builder.build().getParagraphs();
    }

    /** Makes {@code area} show {@code wanted}, replacing only the paragraphs between the equal head and tail. */
    static void show(StyleClassedTextArea area, List<Paragraph<Collection<String>, String, Collection<String>>> wanted) {
        var shown = area.getDocument().getParagraphs();
        int n = shown.size();
        int m = wanted.size();
        int head = 0;
        while (head < n && head < m && shown.get(head).equals(wanted.get(head))) head++;
        int tail = 0;
        while (tail < n - head && tail < m - head && shown.get(n - 1 - tail).equals(wanted.get(m - 1 - tail))) tail++;
        if (head == n && head == m) return;
        if (head == n - tail || head == m - tail) {
            // Lines only added or only removed: no paragraph to replace in place, so replace them all.
            head = 0;
            tail = 0;
        }
        int lastShown = n - 1 - tail;
        int start = area.getAbsolutePosition(head, 0);
        int end = area.getAbsolutePosition(lastShown, shown.get(lastShown).length());
        List<Paragraph<Collection<String>, String, Collection<String>>> middle = wanted.subList(head, m - tail);
        area.replace(start, end, document(area, middle));
        // A replacement joins its first and last line to what is left of the lines it replaced, which keeps
        // their line style: set the wanted one where it differs.
        for (int i : new int[] {head, m - 1 - tail}) {
            Collection<String> style = wanted.get(i).getParagraphStyle();
            if (!area.getParagraph(i).getParagraphStyle().equals(style)) area.setParagraphStyle(i, style);
        }
    }

    private static ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document(StyleClassedTextArea area,
            List<Paragraph<Collection<String>, String, Collection<String>>> paragraphs) {
        var builder = new ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>>(area.getSegOps(), PLAIN);
        for (var p : paragraphs) builder.addParagraph(p.getStyledSegments(), p.getParagraphStyle());
        return builder.build();
    }
}
