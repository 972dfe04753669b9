package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The find bar's arithmetic: occurrences ignoring case, the next one from a place, both ways, wrapping; and their
 * tint laid over the text's own styles.
 */
class TextFindTest {
    @Test
    void occurrencesIgnoreCaseAndMayOverlap() {
        assertThat(TextFind.starts("Ticket, TICKET and ticket", "ticket")).containsExactly(0, 8, 19);
        assertThat(TextFind.starts("aaaa", "aa")).containsExactly(0, 1, 2);
        assertThat(TextFind.starts("anything", "")).isEmpty();
        assertThat(TextFind.starts("nothing here", "ticket")).isEmpty();
    }

    @Test
    void theNextOccurrenceWrapsAtBothEnds() {
        List<Integer> starts = List.of(3, 10, 20);
        assertThat(TextFind.next(starts, 0, true)).isEqualTo(0);
        assertThat(TextFind.next(starts, 10, true)).as("at the place itself").isEqualTo(1);
        assertThat(TextFind.next(starts, 21, true)).as("past the last: the first").isEqualTo(0);
        assertThat(TextFind.next(starts, 10, false)).as("before the place").isEqualTo(0);
        assertThat(TextFind.next(starts, 3, false)).as("before the first: the last").isEqualTo(2);
        assertThat(TextFind.next(List.of(), 5, true)).isEqualTo(-1);
    }

    @Test
    void theTintIsAddedOverTheTextsOwnStylesAndOverlapsMerge() {
        // "{{ ticket }} ticket": the first word styled as a variable by the highlighter.
        org.fxmisc.richtext.model.StyleSpansBuilder<java.util.Collection<String>> own = new org.fxmisc.richtext.model.StyleSpansBuilder<>();
        own.add(List.of(), 3).add(List.of("jinja-var"), 6).add(List.of(), 10);
        var tinted = FindTint.over(own.create(), List.of(new javafx.scene.control.IndexRange(3, 9),
                new javafx.scene.control.IndexRange(13, 19)));
        assertThat(tinted.stream().map(span -> span.getLength() + " " + span.getStyle()).toList())
                .containsExactly("3 []", "6 [jinja-var, find-match]", "4 []", "6 [find-match]");

        // "aaaa" finding "aa": 0-2, 1-3, 2-4 tint the whole text once; a range past the end (an older text) is left out.
        var plain = FindTint.over(FindTint.plain(4), List.of(new javafx.scene.control.IndexRange(0, 2),
                new javafx.scene.control.IndexRange(1, 3), new javafx.scene.control.IndexRange(2, 4),
                new javafx.scene.control.IndexRange(7, 9)));
        assertThat(plain.stream().map(span -> span.getLength() + " " + span.getStyle()).toList())
                .containsExactly("4 [find-match]");
        assertThat(FindTint.over(FindTint.plain(4), List.of())).isEqualTo(FindTint.plain(4));
    }
}
