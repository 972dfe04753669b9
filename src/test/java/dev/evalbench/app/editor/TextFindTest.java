package dev.evalbench.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The find bar's arithmetic: occurrences ignoring case, and the next one from a place, both ways, wrapping. */
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
}
