package dev.evalbench.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.record.CaseRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatStatsTest {

    private static CaseRecord sample(String id, int n, boolean passed) {
        return CaseRecordBuilder.of("triage", id).sample(n).passed(passed).build("r");
    }

    @Test
    void passKNeedsEverySampleAndFlakyCasesAreThoseThatSometimesPass() {
        List<CaseRecord> records = List.of(
                sample("a", 0, true), sample("a", 1, true), sample("a", 2, true),
                sample("b", 0, true), sample("b", 1, false), sample("b", 2, true),
                sample("c", 0, false), sample("c", 1, false), sample("c", 2, false));

        RepeatStats stats = RepeatStats.of(records);

        assertThat(stats.samplesPerCase()).isEqualTo(3);
        assertThat(stats.cases()).extracting(RepeatStats.CaseRepeat::caseId).containsExactly("a", "b", "c");
        assertThat(stats.cases()).extracting(RepeatStats.CaseRepeat::allPassed).containsExactly(true, false, false);
        assertThat(stats.passAllRate()).isEqualTo(1.0 / 3);
        assertThat(stats.samplePassRate()).isEqualTo(5.0 / 9);
        assertThat(stats.flaky()).singleElement().satisfies(c -> {
            assertThat(c.caseId()).isEqualTo("b");
            assertThat(c.passes()).isEqualTo(2);
            assertThat(c.samples()).isEqualTo(3);
        });
    }

    @Test
    void theSameCaseOnTwoRoutesIsTwoCases() {
        List<CaseRecord> records = List.of(
                CaseRecordBuilder.of("triage", "a").route("x").passed(true).build("r"),
                CaseRecordBuilder.of("triage", "a").route("y").passed(false).build("r"));

        RepeatStats stats = RepeatStats.of(records);

        assertThat(stats.cases()).hasSize(2);
        assertThat(stats.flaky()).isEmpty();
    }
}
