package dev.evalbench.app.editor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.IndexRange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The find bar's occurrences as a style class ({@link #MATCH}, a tint behind the text in editor.css) laid over a
 * text's own styles: the Jinja highlighting stays as it is under them. Styles, not shapes: every occurrence costs a
 * span, where a shape per occurrence would be drawn in every visible line. Pure (RichTextFX's style model).
 */
final class FindTint {
    static final String MATCH = "find-match";

    private FindTint() {}

    /**
     * {@code base} with {@link #MATCH} added over each of {@code found} (in order; overlapping ones merge; any
     * beyond {@code base}'s length, from an older text, left out).
     */
    static StyleSpans<Collection<String>> over(StyleSpans<Collection<String>> base, List<IndexRange> found) {
        if (found.isEmpty()) return base;
        StyleSpansBuilder<Collection<String>> tint = new StyleSpansBuilder<>();
        int at = 0;
        for (IndexRange range : found) {
            int start = Math.max(at, range.getStart());
            int end = Math.min(range.getEnd(), base.length());
            if (end <= start) continue;
            if (start > at) tint.add(List.of(), start - at);
            tint.add(List.of(MATCH), end - start);
            at = end;
        }
        if (at == 0) return base;
        if (base.length() > at) tint.add(List.of(), base.length() - at);
        return base.overlay(tint.create(), (own, match) -> {
            if (match.isEmpty()) return own;
            List<String> both = new ArrayList<>(own);
            both.addAll(match);
            return both;
        });
    }

    /** A text of {@code length} characters with no style, for a view that has none of its own. */
    static StyleSpans<Collection<String>> plain(int length) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        spans.add(List.of(), length);
        return spans.create();
    }
}
