package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseRecord;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.FailureKind;
import org.junit.jupiter.api.Test;

/** Stored records, exports and reports all rely on a CaseRecord surviving Json.MAPPER unchanged. */
class CaseRecordJsonTest {
    private static CaseRecord roundTrip(CaseRecord record) throws Exception {
        return Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(record), CaseRecord.class);
    }

    @Test
    void answeredCaseRoundTripsWithParsedOutputAndNanosecondInstants() throws Exception {
        CaseRecord record = CaseRecords.sample("r1", "triage", "t001", false, 812);

        CaseRecord back = roundTrip(record);

        assertThat(back).isEqualTo(record);
        assertThat(back.parsed().get("order_id").asText()).isEqualTo("ORD-10421");
        assertThat(back.startedAt().getNano()).isEqualTo(123_456_789);
    }

    @Test
    void providerFailureKeepsParsedAsJavaNull() throws Exception {
        CaseRecord record = CaseRecords.builder("r1", "triage", "t002").failure(FailureKind.TIMEOUT).build();

        CaseRecord back = roundTrip(record);

        assertThat(back.parsed()).isNull();
        assertThat(back).isEqualTo(record);
    }

    @Test
    void aModelThatAnsweredLiteralNullKeepsNullNode() throws Exception {
        CaseRecord answered = CaseRecords.sample("r1", "triage", "t003", false, 5);
        CaseRecord record = withParsed(answered);

        CaseRecord back = roundTrip(record);

        assertThat(back.parsed()).isSameAs(NullNode.instance);
    }

    @Test
    void treeConversionUsedByExportsKeepsTheDistinctionToo() throws Exception {
        CaseRecord record = CaseRecords.builder("r1", "triage", "t004").failure(FailureKind.SERVER_ERROR).build();

        CaseRecord back = Json.MAPPER.treeToValue(Json.MAPPER.valueToTree(record), CaseRecord.class);

        assertThat(back).isEqualTo(record);
    }

    @Test
    void reasoningAndEstimatedTokensRoundTripAndAreLeftOutWhenAbsent() throws Exception {
        CaseRecord plain = CaseRecords.sample("r1", "triage", "t005", true, 5);
        CaseRecord reasoning = new CaseRecord(plain.runId(), plain.key(), plain.traceId(), plain.messages(),
                plain.rawOutput(), null, null, plain.parsed(), plain.schemaValid(), plain.schemaErrors(), plain.decision(),
                plain.evaluation(), plain.expected(), plain.blocking(), plain.routeUsed(), plain.provider(),
                plain.modelUsed(), plain.requestId(), plain.latencyMs(), plain.tokensIn(), 900, plain.costUsd(),
                plain.attempts(), plain.fallbacks(), plain.cacheHit(), plain.versions(), plain.startedAt(),
                plain.finishedAt(), 832, true, plain.tags());

        CaseRecord back = roundTrip(reasoning);
        String plainJson = Json.MAPPER.writeValueAsString(plain);

        assertThat(back).isEqualTo(reasoning);
        assertThat(back.reasoningTokens()).isEqualTo(832);
        assertThat(back.tokensEstimated()).isTrue();
        // Records written before these fields existed read as reported counts with no reasoning tokens.
        assertThat(plainJson).doesNotContain("reasoningTokens").doesNotContain("tokensEstimated");
        CaseRecord old = Json.MAPPER.readValue(plainJson, CaseRecord.class);
        assertThat(old.reasoningTokens()).isZero();
        assertThat(old.tokensEstimated()).isFalse();
    }

    private static CaseRecord withParsed(CaseRecord r) {
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), "null", r.failureKind(),
                r.failureMessage(), NullNode.instance, false, java.util.List.of("$: expected object, got null"),
                r.decision(), r.evaluation(), r.expected(), r.blocking(), r.routeUsed(), r.provider(),
                r.modelUsed(), r.requestId(), r.latencyMs(), r.tokensIn(), r.tokensOut(), r.costUsd(),
                r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(), r.startedAt(), r.finishedAt(), r.tags());
    }
}
