package dev.evalbench.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.run.RunHeaders;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the results tab says changed since the previous run, from the two runs' summaries. */
class VerdictFlipsTest {
    private static final dev.evalbench.core.record.RunHeader EARLIER = RunHeaders.running("r1", Instant.parse("2026-12-02T13:00:00Z"));

    private static CaseSummary summary(String id, boolean passed) {
        return dev.evalbench.core.record.CaseSummaries.of(id, "offline", passed, false);
    }

    @Test
    void countsTheCasesOfBothRunsWhoseVerdictFlippedEachWay() {
        VerdictFlips flips = VerdictFlips.of(EARLIER,
                List.of(summary("a", false), summary("b", false), summary("c", true), summary("d", true), summary("gone", false)),
                List.of(summary("a", true), summary("b", true), summary("c", false), summary("d", true), summary("new", true)));
        assertThat(flips.nowPass()).isEqualTo(2);
        assertThat(flips.nowFail()).isEqualTo(1);
        assertThat(flips.paired()).as("a case in one run only is no flip").isEqualTo(4);
        assertThat(flips.inWords()).isEqualTo("2 cases now pass, 1 now fails");
    }

    @Test
    void saysEachCountInWordsAndNothingChangedWithHowManyCasesWereCompared() {
        assertThat(new VerdictFlips(EARLIER, 1, 0, 9).inWords()).isEqualTo("1 case now passes");
        assertThat(new VerdictFlips(EARLIER, 0, 1, 9).inWords()).isEqualTo("1 case now fails");
        assertThat(new VerdictFlips(EARLIER, 0, 3, 9).inWords()).isEqualTo("3 cases now fail");
        assertThat(new VerdictFlips(EARLIER, 1, 2, 9).inWords()).isEqualTo("1 case now passes, 2 now fail");
        assertThat(new VerdictFlips(EARLIER, 0, 0, 159).inWords()).isEqualTo("no case changed its verdict (159 in both)");
    }

    /**
     * A route down is not a prompt that got worse: an outage run's line said "132 cases now fail" of cases the model
     * never answered. Those say so, beside the count of cases that now fail.
     */
    @Test
    void casesThatNowFailForWantOfAnAnswerSaySo() {
        List<CaseSummary> before = List.of(summary("a", true), summary("b", true), summary("c", false), summary("d", true));
        VerdictFlips outage = VerdictFlips.of(EARLIER, before,
                List.of(unanswered("a"), unanswered("b"), unanswered("c"), unanswered("d")));
        assertThat(outage.nowUnanswered()).isEqualTo(3);
        assertThat(outage.inWords()).isEqualTo("3 cases now fail (no answer from the model)");
        VerdictFlips some = VerdictFlips.of(EARLIER, before,
                List.of(summary("a", false), unanswered("b"), summary("c", true), summary("d", true)));
        assertThat(some.inWords()).isEqualTo("1 case now passes, 2 now fail (1 got no answer from the model)");
        VerdictFlips slice = VerdictFlips.of(EARLIER, before, List.of(unanswered("a"), summary("c", false)), true);
        assertThat(slice.inWords()).isEqualTo("1 case now fails (no answer from the model), 1 still fails");
    }

    private static CaseSummary unanswered(String id) {
        return dev.evalbench.core.record.CaseSummaries.unanswered(id, "offline");
    }

    /** Counts read as the window's and the terminal's other counts do, grouped in thousands. */
    @Test
    void largeCountsAreGroupedInThousands() {
        assertThat(new VerdictFlips(EARLIER, 0, 1133, 10000).inWords()).isEqualTo("1,133 cases now fail");
        assertThat(new VerdictFlips(EARLIER, 2048, 1133, 10000).inWords()).isEqualTo("2,048 cases now pass, 1,133 now fail");
        assertThat(new VerdictFlips(EARLIER, 0, 0, 10000).inWords()).isEqualTo("no case changed its verdict (10,000 in both)");
        assertThat(new VerdictFlips(EARLIER, 1200, 0, 1500, 1300, 10000).inWords()).isEqualTo("1,200 cases now pass, 1,300 still fail");
        assertThat(new VerdictFlips(EARLIER, 1200, 0, 1500, 1300, 10000).scope()).isEqualTo("1,500 of its 10,000 cases run again");
    }

    @Test
    void aRunOfSomeCasesAgainSaysWhatStillFailsAndHowManyOfTheEarlierRunsItRan() {
        List<CaseSummary> before = List.of(summary("a", false), summary("b", false), summary("c", false), summary("d", true));
        VerdictFlips flips = VerdictFlips.of(EARLIER, before, List.of(summary("a", true), summary("b", false), summary("c", false)), true);
        assertThat(flips.ranSome()).isTrue();
        assertThat(flips.scope()).isEqualTo("3 of its 4 cases run again");
        assertThat(flips.inWords()).isEqualTo("1 case now passes, 2 still fail");
        assertThat(VerdictFlips.of(EARLIER, before, List.of(summary("b", false)), true).inWords()).isEqualTo("1 case still fails");
        assertThat(VerdictFlips.of(EARLIER, before, List.of(summary("d", true)), true).inWords())
                .isEqualTo("no case changed its verdict (1 in both)");
        // A whole run after a case left the dataset ran every case it has: no "run again", no "still fail".
        VerdictFlips whole = VerdictFlips.of(EARLIER, before, List.of(summary("a", true), summary("b", false), summary("c", false)));
        assertThat(whole.ranSome()).isFalse();
        assertThat(whole.scope()).isEmpty();
        assertThat(whole.inWords()).isEqualTo("1 case now passes");
    }
}
