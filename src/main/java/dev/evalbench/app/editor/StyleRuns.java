package dev.evalbench.app.editor;

import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A text's style spans from a mark per character, as the highlighters compute them: each run of equal marks is one span
 * with the classes of its mark. Pure (RichTextFX's style model).
 */
final class StyleRuns {
    private StyleRuns() {}

    /** @param marks one per character of the text; {@code classes} gives the style classes of a mark */
    static StyleSpans<Collection<String>> of(int[] marks, IntFunction<Collection<String>> classes) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        if (marks.length == 0) {
            spans.add(List.of(), 0);
            return spans.create();
        }
        int runStart = 0;
        for (int i = 1; i <= marks.length; i++) {
            if (i == marks.length || marks[i] != marks[runStart]) {
                spans.add(classes.apply(marks[runStart]), i - runStart);
                runStart = i;
            }
        }
        return spans.create();
    }
}
