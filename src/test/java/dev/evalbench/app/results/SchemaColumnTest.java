package dev.evalbench.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.CaseSummaries;
import org.junit.jupiter.api.Test;

/**
 * The results table's Schema column says "cut off" of an output that failed the schema because the model stopped at
 * its output token limit: an author scanning the table sees the route's limit is the fix, not the prompt.
 */
class SchemaColumnTest {
    @Test
    void anOutputCutOffAtTheLimitReadsCutOffAndOtherInvalidOnesInvalid() {
        String cut = "schema: the output is not valid against the output schema (the model stopped at its output token"
                + " limit after 400 tokens, so the answer is cut off: raise the limit in the route's params).";
        String broken = "schema: the output is not valid against the output schema (not valid JSON at line 1, column 9).";

        assertThat(CaseFilter.schemaOf(CaseSummaries.invalid("t001", cut))).isEqualTo("cut off");
        assertThat(CaseFilter.schemaOf(CaseSummaries.invalid("t002", broken))).isEqualTo("invalid");
        assertThat(CaseFilter.schemaOf(CaseSummaries.of("t003", "openai", true, false))).isEqualTo("valid");
        assertThat(CaseFilter.schemaOf(CaseSummaries.unanswered("t004", "openai"))).isEqualTo("no answer");
    }
}
