package dev.evalbench.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A decision reads the same everywhere: the final action first, then accepted, or rejected and by which rule. */
class DecisionWordsTest {
    @Test
    void theFinalActionThenTheOutcome() {
        assertThat(DecisionWords.of(new Decision(true, "refund", "refund", null, null))).isEqualTo("refund (accepted)");
        assertThat(DecisionWords.of(new Decision(false, "refund", "escalate", "refund_limit", "over 200")))
                .isEqualTo("escalate (rejected: refund_limit)");
        assertThat(DecisionWords.of("escalate", false, null)).as("a summary, which keeps no rule").isEqualTo("escalate (rejected)");
        assertThat(DecisionWords.of(null)).isEqualTo("no decision");
    }

    /** A policy whose allowed action is named "accept" read "accept accept" in the window's tables. */
    @Test
    void anActionNamedAcceptReadsOnce() {
        assertThat(DecisionWords.of("accept", true, null)).isEqualTo("accept (accepted)");
    }
}
