package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {
    @Test
    void oneIsSingularEveryOtherCountPluralAndThousandsAreGrouped() {
        assertThat(Counted.cases(1)).isEqualTo("1 case");
        assertThat(Counted.cases(0)).isEqualTo("0 cases");
        assertThat(Counted.cases(2)).isEqualTo("2 cases");
        assertThat(Counted.cases(100_000)).isEqualTo("100,000 cases");
        assertThat(Counted.of(1, "matched case")).isEqualTo("1 matched case");
    }

    /** A workspace of one gate read "FAILED: 1 of 1 gates failed" and the CI summary "all 1 gates passed". */
    @Test
    void aGateVerdictAgreesWithItsCount() {
        assertThat(Counted.gatesFailed(2, 9)).isEqualTo("2 of 9 gates failed");
        assertThat(Counted.gatesFailed(1, 1)).isEqualTo("1 of 1 gate failed");
        assertThat(Counted.allGatesPass(9)).isEqualTo("all 9 gates pass");
        assertThat(Counted.allGatesPass(1)).isEqualTo("the 1 gate passes");
        assertThat(Counted.capitalized(Counted.allGatesPass(1))).isEqualTo("The 1 gate passes");
    }

    /** run --case t001 with every gate passing or not run said "PASSED: all 9 gates pass". */
    @Test
    void gatesThatDidNotRunAreNotCountedAsPassing() {
        assertThat(Counted.allGatesPass(9, 0)).isEqualTo("all 9 gates pass");
        assertThat(Counted.allGatesPass(9, 1)).isEqualTo("all 8 gates that ran pass, 1 not run");
        assertThat(Counted.allGatesPass(9, 8)).isEqualTo("the 1 gate that ran passes, 8 not run");
        assertThat(Counted.allGatesPass(2, 2)).isEqualTo("no gate ran (2 gates not run)");
    }

    /** run --suite triage with the schema gate failing said "FAILED: 1 of 9 gates failed", counting one that never ran. */
    @Test
    void aFailedVerdictCountsOnlyTheGatesThatRan() {
        assertThat(Counted.gatesFailed(1, 9, 0)).isEqualTo("1 of 9 gates failed");
        assertThat(Counted.gatesFailed(1, 9, 1)).isEqualTo("1 of 8 gates that ran failed, 1 not run");
        assertThat(Counted.gatesFailed(1, 2, 1)).isEqualTo("1 of 1 gate that ran failed, 1 not run");
    }

    /** The results' and the dataset's "n of m cases": the noun agrees with the whole ("1 of 1 case"). */
    @Test
    void aPartOfAWholeAgreesWithTheWhole() {
        assertThat(Counted.partOf(1, 1, "case")).isEqualTo("1 of 1 case");
        assertThat(Counted.partOf(0, 1, "case")).isEqualTo("0 of 1 case");
        assertThat(Counted.partOf(2, 1_204, "case")).isEqualTo("2 of 1,204 cases");
    }
}
