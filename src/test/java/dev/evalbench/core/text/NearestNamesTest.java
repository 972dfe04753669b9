package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNamesTest {
    private static final List<String> TAGS = List.of("customs", "refund", "refunds", "shipping", "billing", "bug", "t001", "t002", "t012");

    @Test
    void aLetterMissingAddedOrChangedFindsTheName() {
        assertThat(NearestNames.to("custom", TAGS)).containsExactly("customs");
        assertThat(NearestNames.to("shiping", TAGS)).containsExactly("shipping");
        assertThat(NearestNames.to("bilfing", TAGS)).containsExactly("billing");
        assertThat(NearestNames.to("t0002", TAGS)).containsExactly("t002");
        assertThat(NearestNames.to("mian", List.of("main", "mint", "release"))).as("two letters swapped: one edit").containsExactly("main");
    }

    @Test
    void editsCountsEachSlipOnce() {
        assertThat(NearestNames.edits("main", "main")).isZero();
        assertThat(NearestNames.edits("mian", "main")).isEqualTo(1);
        assertThat(NearestNames.edits("custom", "customs")).isEqualTo(1);
        assertThat(NearestNames.edits("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestNames.edits("", "abc")).isEqualTo(3);
    }

    @Test
    void nearestFirstThenByNameAndAtMostThree() {
        assertThat(NearestNames.to("refundz", TAGS)).containsExactly("refund", "refunds");
        assertThat(NearestNames.to("t00", List.of("t001", "t002", "t003", "t004", "t0"))).containsExactly("t0", "t001", "t002");
    }

    @Test
    void aNameFarFromEveryOneOrTheNameItselfSuggestsNothing() {
        assertThat(NearestNames.to("no-such-tag", TAGS)).isEmpty();
        assertThat(NearestNames.to("bug", TAGS)).as("one change allowed in three letters; 'bug' itself is not a suggestion").isEmpty();
        assertThat(NearestNames.to("x", List.of())).isEmpty();
    }
}
