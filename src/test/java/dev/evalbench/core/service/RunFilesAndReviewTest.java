package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.compare.ChangeOverview;
import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.compare.ReviewStatus;
import dev.evalbench.core.compare.VersionComponent;
import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.LoadedRunStore;
import dev.evalbench.core.store.RunExport;
import dev.evalbench.core.store.RunFileException;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI produced, opened without a history (an export, a report folder, its report.json, its envelope), and
 * the reviewer's two-step comparison of a run from a file against a run of the history.
 */
class RunFilesAndReviewTest {
    @TempDir
    Path tmp;

    ServiceWorkspace fixture;
    Workspace ws;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ServiceWorkspace(tmp.resolve("ws"));
        ws = Components.loadChecked(fixture.dir, Map.of());
    }

    private RunHeader run(RunStore store, String route) throws Exception {
        return fixture.runService().run(ws, fixture.dir, new RunConfig(List.of(route), List.of(), 1, 2, "off"),
                store, RunListener.NONE, new Cancellation());
    }

    @Test
    void anExportAReportFolderItsReportJsonAndItsEnvelopeAllOpenAsTheSameRun() throws Exception {
        Path export = tmp.resolve("run.json");
        Path report = tmp.resolve("report");
        StoredRun stored;
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader base = run(store, "offline");
            RunHeader head = run(store, "fake");
            stored = RunLookup.run(store, head.id());
            RunExport.write(stored, export);
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            new ReportService(store, new GateService(Map.of())).write(head.id(), base.id(), fixture.dir, report,
                    new ReportService.Signer(keys.getPrivate(), keys.getPublic()));
        }
        OpenedRun fromExport = RunFiles.open(export);
        OpenedRun fromFolder = RunFiles.open(report);
        OpenedRun fromJson = RunFiles.open(report.resolve("report.json"));
        OpenedRun fromEnvelope = RunFiles.open(report.resolve("report.intoto.json"));

        assertThat(fromExport.kind()).isEqualTo("run export");
        assertThat(fromFolder.kind()).isEqualTo("report");
        assertThat(fromJson.kind()).isEqualTo("report");
        assertThat(fromEnvelope.kind()).startsWith("report, opened from its envelope");
        assertThat(fromEnvelope.file()).isEqualTo(report.resolve("report.json").toAbsolutePath());
        for (OpenedRun opened : List.of(fromExport, fromFolder, fromJson, fromEnvelope)) {
            assertThat(opened.run().id()).isEqualTo(stored.id());
            assertThat(opened.run().cases()).extracting(CaseRecord::key).containsExactlyElementsOf(
                    stored.cases().stream().map(CaseRecord::key).toList());
        }
    }

    @Test
    void whatIsNeitherARunNorAReportIsNamedWithWhereAndWhat() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.json"), "{\"run\": [1, 2,\n  oops]}", StandardCharsets.UTF_8);
        Path other = Files.writeString(tmp.resolve("other.json"), "{\"name\": \"not a run\"}", StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(tmp.resolve("empty-folder"));

        RunFileException syntax = catchThrowableOfType(() -> RunFiles.open(text), RunFileException.class);
        assertThat(syntax.file()).isEqualTo(text.toString());
        assertThat(syntax.line()).isEqualTo(2);
        assertThat(syntax.column()).isPositive();
        assertThat(syntax.problem()).startsWith("not a run export");
        assertThat(catchThrowableOfType(() -> RunFiles.open(other), RunFileException.class).problem())
                .contains("expected an evalbench run export");
        assertThat(catchThrowableOfType(() -> RunFiles.open(folder), RunFileException.class).getMessage())
                .isEqualTo(folder + ": is a folder without report.json: expected a report folder (written by `evalbench report`)"
                        + " or a run file (written by `evalbench export`)");
        assertThat(catchThrowableOfType(() -> RunFiles.open(tmp.resolve("gone.json")), RunFileException.class).getMessage())
                .endsWith("gone.json: no such file or folder");
    }

    @Test
    void aRunFromAFileIsComparedWithAHistoryRunFromSummariesThenTheOverviewNamesTheRouteChange() throws Exception {
        Path export = tmp.resolve("head.json");
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader base = run(store, "offline");
            RunHeader head = run(store, "fake");
            RunExport.write(RunLookup.run(store, head.id()), export);
            LoadedRunStore opened = new LoadedRunStore();
            String id = opened.add(RunFiles.open(export).run());
            assertThat(opened.add(RunFiles.open(export).run())).isEqualTo(head.id() + "~2");

            ReviewService review = new ReviewService(Map.of());
            ReviewService.Side before = new ReviewService.Side(store, base.id());
            ReviewService.Side after = new ReviewService.Side(opened, id);
            ReviewService.Cases cases = review.cases(before, after);

            List<CaseRecord> a = store.cases(base.id());
            List<CaseRecord> b = opened.cases(id);
            long flipsToFail = CaseAlignment.align(a, b).stream().filter(p -> p.flippedToFail()).count();
            assertThat(flipsToFail).isPositive();
            assertThat(cases.count(ReviewStatus.REGRESSED)).isEqualTo(flipsToFail);
            assertThat(cases.cases()).hasSize(a.size());
            assertThat(cases.cases().subList(0, (int) flipsToFail)).allMatch(ReviewCase::regressed);
            assertThat(cases.cases()).extracting(ReviewCase::status).isSorted();
            assertThat(cases.movements().get(0).id()).isEqualTo("passed");
            assertThat(cases.movements().get(0).worse()).hasSize((int) flipsToFail);

            ChangeOverview overview = review.overview(before, after, cases, fixture.dir);
            assertThat(overview.versions().changedComponents()).contains(VersionComponent.ROUTE_MODEL);
            assertThat(overview.gates()).isNotEmpty();
            assertThat(overview.gatesFrom()).isEqualTo("gates from the stored snapshot of run " + base.id());
            assertThat(overview.metrics()).extracting(m -> m.id()).contains("pass_rate");

            assertThat(catchThrowableOfType(() -> opened.tag(id, "main"), StoreException.class))
                    .hasMessage("a run opened from a file is read-only");
            assertThat(ReviewService.previous(store, head.id(), 10)).contains(base.id());
            assertThat(ReviewService.previous(store, base.id(), 10)).isEmpty();
        }
    }

    /**
     * "Previous" of a whole run skips the slice in between (its failing cases run again), which would leave the rest
     * out of the comparison; "previous" of the slice is the run it reran.
     */
    @Test
    void thePreviousRunOfAWholeRunIsTheLastWholeRunAndOfASliceTheRunBeforeIt() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader whole = run(store, "offline");
            String someCase = store.summaries(whole.id()).get(0).key().caseId();
            RunHeader slice = fixture.runService().run(ws, fixture.dir, new RunConfig(List.of("offline"), List.of(), 1, 2,
                    "off", List.of(), List.of(someCase)), store, RunListener.NONE, new Cancellation());
            RunHeader again = run(store, "offline");

            assertThat(ReviewService.previous(store, again.id(), 10)).contains(whole.id());
            assertThat(ReviewService.previous(store, slice.id(), 10)).contains(whole.id());
            var flips = ReviewService.sincePrevious(store, again.id(), store.summaries(again.id()), 10).orElseThrow();
            assertThat(flips.earlier().id()).isEqualTo(whole.id());
            assertThat(flips.paired()).isEqualTo(store.summaries(whole.id()).size());
        }
    }

    /**
     * A report folder written against a baseline brings the baseline's records (bound by digest like its own) and
     * the gates its comparison recorded: opened alone, with no history and no workspace, it compares the two runs
     * with the gate deltas CI computed, not "no gates". An altered baseline file is refused by name; a report
     * written again without a baseline leaves no baseline file behind.
     */
    @Test
    void aReportFolderBringsItsBaselineAndTheGateDeltasItRecorded() throws Exception {
        Path report = tmp.resolve("report");
        RunHeader base;
        RunHeader head;
        List<CaseRecord> baseCases;
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            base = run(store, "offline");
            head = run(store, "fake");
            baseCases = store.cases(base.id());
            new ReportService(store, new GateService(Map.of())).write(head.id(), base.id(), fixture.dir, report, null);
        }
        assertThat(report.resolve("report-baseline-cases.jsonl.gz")).isRegularFile();

        OpenedRun opened = RunFiles.open(report);
        assertThat(opened.hasBaseline()).isTrue();
        assertThat(opened.baseline().id()).isEqualTo(base.id());
        assertThat(opened.baseline().cases()).extracting(CaseRecord::key)
                .containsExactlyInAnyOrderElementsOf(baseCases.stream().map(CaseRecord::key).toList());
        assertThat(opened.baselineGates().runId()).isEqualTo(base.id());
        assertThat(opened.reportGates().baselineRunId()).isEqualTo(base.id());

        LoadedRunStore files = new LoadedRunStore();
        String headId = files.add(opened.run());
        String baseId = files.add(opened.baseline());
        Map<String, dev.evalbench.core.gate.GateReport> recorded = Map.of(headId, opened.reportGates(), baseId, opened.baselineGates());
        ReviewService review = new ReviewService(Map.of());
        ReviewService.Side before = new ReviewService.Side(files, baseId);
        ReviewService.Side after = new ReviewService.Side(files, headId);
        ReviewService.Cases cases = review.cases(before, after);
        assertThat(cases.count(ReviewStatus.REGRESSED)).isPositive();

        assertThat(review.overview(before, after, cases, null).gatesFrom()).isEqualTo(ReviewService.NO_GATES);
        ChangeOverview overview = review.overview(before, after, cases, null, recorded::get);
        assertThat(overview.gatesFrom()).isEqualTo("gates as the report recorded them (run " + head.id() + " against " + base.id() + ")");
        assertThat(overview.gates()).extracting(g -> g.id())
                .containsExactlyElementsOf(opened.reportGates().verdicts().stream().map(v -> v.id()).toList());
        assertThat(overview.gates()).allSatisfy(g -> {
            assertThat(g.before()).isNotNull();
            assertThat(g.after()).isNotNull();
        });
        // The same pair the other way round was not recorded: nothing is shown as recorded that was not.
        assertThat(review.overview(after, before, review.cases(after, before), null, recorded::get).gatesFrom())
                .isEqualTo(ReviewService.NO_GATES);

        // A reviewer's workspace mid-edit, with a problem: the comparison still comes, with the gates the report
        // recorded where it has them, and says why they were not computed again; without them, why there are none.
        Path broken = tmp.resolve("broken-workspace");
        dev.evalbench.cli.Cli.copyTree(fixture.dir, broken);
        Files.writeString(broken.resolve("gates.yaml"), Files.readString(broken.resolve("gates.yaml")) + "\n  - [not a gate\n");
        ChangeOverview mended = review.overview(before, after, cases, broken, recorded::get);
        assertThat(mended.gatesFrom()).startsWith("gates as the report recorded them (run " + head.id() + " against "
                + base.id() + "); not computed again here: the workspace folder " + broken + " has problems (gates.yaml:");
        assertThat(mended.gates()).hasSize(overview.gates().size());
        ChangeOverview none = review.overview(after, before, review.cases(after, before), broken, recorded::get);
        assertThat(none.gatesFrom()).startsWith("no gates: the workspace folder " + broken + " has problems (gates.yaml:");
        assertThat(none.gates()).isEmpty();
        assertThat(none.versions()).isNotNull();
        // Another workspace open beside the report (an invoice report while the support workspace is the window's):
        // its gates are not this run's, so the report's own stand in.
        Path other = tmp.resolve("other-workspace");
        dev.evalbench.cli.Cli.copyTree(fixture.dir, other);
        String manifest = Files.readString(other.resolve("evalbench.yaml"));
        Files.writeString(other.resolve("evalbench.yaml"), manifest.replaceFirst("(?m)^name: .*$", "name: invoices"));
        ChangeOverview elsewhere = review.overview(before, after, cases, other, recorded::get);
        assertThat(elsewhere.gatesFrom()).isEqualTo("gates as the report recorded them (run " + head.id() + " against "
                + base.id() + "); not computed again here: the workspace folder " + other + " is the workspace \"invoices\","
                + " not this run's \"" + head.workspace() + "\"");
        assertThat(elsewhere.gates()).extracting(g -> g.id()).containsExactlyElementsOf(overview.gates().stream().map(g -> g.id()).toList());

        Path altered = report.resolve("report-baseline-cases.jsonl.gz");
        byte[] bytes = Files.readAllBytes(altered);
        bytes[bytes.length / 2] ^= 1;
        Files.write(altered, bytes);
        // The run's own records still check out: it opens alone, saying why its comparison cannot be opened.
        OpenedRun alone = RunFiles.open(report);
        assertThat(alone.hasBaseline()).isFalse();
        assertThat(alone.baselineGates()).isNull();
        assertThat(alone.run().id()).isEqualTo(head.id());
        assertThat(alone.baselineUnread()).startsWith(altered + ": sha256 ").contains("differs from the one report.json binds");
        Files.delete(altered);
        assertThat(RunFiles.open(report).baselineUnread()).contains("keeps its case records in "
                + "report-baseline-cases.jsonl.gz, which cannot be read next to it");
        // Without the run's own records there is nothing to show: an error naming the file.
        Path runCases = report.resolve("report-cases.jsonl.gz");
        byte[] kept = Files.readAllBytes(runCases);
        Files.delete(runCases);
        assertThat(catchThrowableOfType(() -> RunFiles.open(report), RunFileException.class).getMessage())
                .contains("keeps its case records in report-cases.jsonl.gz, which cannot be read next to it");
        Files.write(runCases, kept);

        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            new ReportService(store, new GateService(Map.of())).write(head.id(), null, fixture.dir, report, null);
        }
        assertThat(report.resolve("report-baseline-cases.jsonl.gz")).doesNotExist();
        assertThat(RunFiles.open(report).hasBaseline()).isFalse();
    }
}
