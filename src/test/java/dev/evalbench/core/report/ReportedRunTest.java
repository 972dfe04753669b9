package dev.evalbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.eval.JudgeAgreement;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.model.ReportedRun;
import dev.evalbench.core.report.model.RunSummary;
import dev.evalbench.core.run.CaseRecords;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a report keeps of a run whose records went by one at a time must be what it counted from the whole
 * run before: the same summary, counts, masked-value count, version tuples and judge agreement, and the full
 * records of the first failing cases in key order, as many as report.html shows, whatever order they were stored in.
 */
class ReportedRunTest {
    @Test
    void aRunGatheredOneRecordAtATimeCountsAsTheWholeRun() {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            // Two in five pass; the rest fail, more of them than report.html lists.
            CaseRecord r = CaseRecords.sample("run-many", i % 2 == 0 ? "triage" : "safety", "t" + i, i % 5 < 2, 100 + i % 37);
            // Every third case judged, every sixth with a human label, so agreement has something to count.
            if (i % 3 == 0) r = r.withJudgements(List.of(new JudgeVerdict("tone", i % 9 == 0 ? JudgeVerdict.FAIL : JudgeVerdict.PASS,
                    i % 5 + 1, "reason " + i, null, i % 6 == 0 ? (i / 6) % 5 + 1 : null,
                    i % 6 == 0 ? i % 4 != 0 : null, false)));
            cases.add(r);
        }
        cases.add(CaseRecords.builder("run-many", "triage", "late").failure(dev.evalbench.core.record.FailureKind.TIMEOUT).build());
        StoredRun run = ReportFixture.run("run-many", cases);
        List<CaseRecord> failing = cases.stream().filter(r -> !r.passed()).toList();
        assertThat(failing).hasSizeGreaterThan(ReportedRun.FAILING_KEPT);

        ReportedRun reported = ReportCases.of(run);

        assertThat(reported.header()).isEqualTo(run.header());
        assertThat(reported.events()).isEqualTo(run.events());
        assertThat(reported.count()).isEqualTo(cases.size());
        assertThat(reported.failing()).isEqualTo(failing.size());
        List<CaseRecord> byKey = failing.stream()
                .sorted(java.util.Comparator.comparing(CaseRecord::key, CaseKey.ORDER)).toList();
        assertThat(reported.failingShown()).isEqualTo(byKey.subList(0, ReportedRun.FAILING_KEPT));
        List<CaseRecord> shuffled = new ArrayList<>(cases);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(ReportCases.of(ReportFixture.run("run-many", shuffled)).failingShown())
                .as("the same cases stored in another order").isEqualTo(reported.failingShown());
        assertThat(reported.summary()).isEqualTo(RunSummary.of(run));
        assertThat(reported.maskedValues()).isEqualTo(OutboundMask.maskedCount(run));
        assertThat(reported.versions()).isEqualTo(new ArrayList<>(new LinkedHashSet<>(
                cases.stream().map(CaseRecord::versions).filter(java.util.Objects::nonNull).toList())));
        assertThat(JudgeAgreement.of(reported.judged())).isNotEmpty().isEqualTo(JudgeAgreement.of(cases));
    }

    @Test
    void theCasesFileHoldsEachRecordAsOneLineInStoredOrder() throws Exception {
        StoredRun run = ReportFixture.run();
        byte[] gz = ReportCases.of(run).casesFile();
        String text;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(text).endsWith("\n");
        List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
        List<String> expected = new ArrayList<>();
        for (CaseRecord r : run.cases()) expected.add(dev.evalbench.core.json.Json.MAPPER.writeValueAsString(r));
        assertThat(lines).isEqualTo(expected);
    }
}
