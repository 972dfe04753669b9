package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedLineTest {
    private static final String BEFORE = "a\nb\nc\nd\ne\nf\ng\nh\nthe old words stay\nj\n";
    private static final String AFTER = "a\nb\nc\nd\ne\nf\ng\nh\nthe new words stay\nj\nk\n";

    @Test
    void aChangedLineIsRemovedThenAddedWithOnlyItsChangedWordsMarked() {
        List<UnifiedLine> lines = UnifiedLine.of(OutputDiff.between(BEFORE, AFTER).hunks(1));
        assertThat(lines).extracting(l -> l.kind().sign() + "" + l.number() + " " + l.text())
                .containsExactly(" 8 h", "-9 the old words stay", "+9 the new words stay", " 10 j", "+11 k", " 12 ");
        assertThat(marked(lines.get(1))).containsExactly("old");
        assertThat(marked(lines.get(2))).containsExactly("new");
        // A line added whole has nothing to mark: its tint says it.
        assertThat(marked(lines.get(4))).isEmpty();
    }

    @Test
    void unchangedLinesLeftOutBetweenTwoChangesAreOneGap() {
        String before = "one\n2\n3\n4\n5\n6\nseven\n";
        String after = "ONE\n2\n3\n4\n5\n6\nSEVEN\n";
        List<UnifiedLine> lines = UnifiedLine.of(OutputDiff.between(before, after).hunks(1));
        assertThat(lines).extracting(l -> l.kind().sign() + l.text())
                .containsExactly("-one", "+ONE", " 2", "~" + UnifiedLine.GAP_TEXT, " 6", "-seven", "+SEVEN", " ");
        assertThat(lines.get(3).number()).isNull();
        // Numbered in the text each line comes from: a removed line in the first, the others in the second.
        String shorter = "x\ny\nz\n";
        List<UnifiedLine> removed = UnifiedLine.of(OutputDiff.between("w\n" + shorter, shorter).hunks(0));
        assertThat(removed).extracting(UnifiedLine::kind, UnifiedLine::number).containsExactly(
                org.assertj.core.groups.Tuple.tuple(UnifiedLine.Kind.REMOVED, 1));
    }

    @Test
    void theWholeDiffOfEqualTextsHasNoChangedLine() {
        assertThat(UnifiedLine.of(OutputDiff.between(BEFORE, BEFORE).hunks(3))).isEmpty();
        assertThat(UnifiedLine.of(OutputDiff.between(BEFORE, BEFORE).rows())).allMatch(l -> l.kind() == UnifiedLine.Kind.SAME)
                .hasSize(11);
    }

    private static List<String> marked(UnifiedLine line) {
        return line.segments().stream().filter(DiffSegment::changed).map(DiffSegment::text).toList();
    }
}
