package dev.evalbench.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exporting from the export tab's model, on a real history of two offline runs of the sample. */
class ExportViewModelTest {
    @TempDir Path temp;
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();

    @Test
    void theReportOfAComparisonOfTwoRunsNamesTheBaselineAndAnUnsignedOneHasNoEnvelope() throws Exception {
        try (SampleHistory history = SampleHistory.in(temp)) {
            RunHeader first = history.run();
            RunHeader second = history.run();
            KeysViewModel keys = new KeysViewModel(runner, temp.resolve("keys"), () -> history.workspace);
            ExportViewModel vm = new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace, second.id(), keys);
            vm.loadBaselines();

            assertThat(vm.baselines()).extracting(ExportViewModel.Baseline::ref).containsExactly(null, first.id());
            assertThat(vm.folderProperty().get()).isEqualTo(history.workspace.resolve(".evalbench/reports/" + second.id()).toString());
            Path out = temp.resolve("out");
            vm.folderProperty().set(out.toString());
            vm.baselineProperty().set(vm.baselines().get(1));
            vm.export();

            assertThat(vm.problemProperty().get()).isEmpty();
            assertThat(vm.outcomeProperty().get()).contains("report.json").contains("against run " + first.id() + ".");
            assertThat(vm.envelopeProperty().get()).isNull();
            assertThat(out.resolve("report.intoto.json")).doesNotExist();
            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            assertThat(report.path("baseline").isObject()).isTrue();
            assertThat(report.path("comparison").isObject()).isTrue();
            assertThat(report.path("gates").path("baseline_run_id").asText()).isEqualTo(first.id());
            assertThat(Files.readString(out.resolve("report.html"))).contains("What changed against the baseline");
        }
    }

    /**
     * A reviewer signs every report with their key: a new export form offers the key the last report was signed with
     * (it offered "do not sign" each time), an unsigned export is remembered as such, and a key file since deleted is
     * not offered.
     */
    @Test
    void aNewFormOffersTheKeyTheLastReportWasSignedWith() throws Exception {
        try (SampleHistory history = SampleHistory.in(temp)) {
            RunHeader first = history.run();
            RunHeader second = history.run();
            var key = dev.evalbench.core.service.SigningKeys.create(temp.resolve("keys"), "reviewer", "Rae Viewer", null);
            KeysViewModel keys = new KeysViewModel(runner, temp.resolve("keys"), () -> history.workspace);
            keys.refresh();
            ExportViewModel signed = new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace,
                    second.id(), keys);
            assertThat(signed.signWithProperty().get()).as("no report signed yet").isNull();
            signed.signWithProperty().set(key.privateKeyFile());
            signed.folderProperty().set(temp.resolve("signed").toString());
            signed.export();
            assertThat(signed.envelopeProperty().get()).isNotNull();
            // The form's sentence names the report files the signature covers: those the signed statement lists (it
            // said report.json alone once report.md was signed too).
            var statement = dev.evalbench.core.report.sign.InTotoStatement.parse(
                    dev.evalbench.core.report.sign.DsseEnvelope.read(signed.envelopeProperty().get()).payloadBytes());
            java.util.List<String> reportFiles = statement.subjects().stream().map(s -> s.name())
                    .filter(n -> n.startsWith("report.")).toList();
            assertThat(reportFiles).containsExactlyInAnyOrder("report.json", "report.md");
            String writes = ExportViewModel.WRITES_REPORT;
            String covered = writes.substring(0, writes.indexOf(", the files a signature covers"));
            assertThat(covered).contains(reportFiles).doesNotContain("report.html");

            ExportViewModel next = new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace,
                    first.id(), keys);
            assertThat(next.signWithProperty().get()).isEqualTo(key.privateKeyFile());
            next.signWithProperty().set(null);
            next.folderProperty().set(temp.resolve("unsigned").toString());
            next.export();
            assertThat(new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace, second.id(),
                    keys).signWithProperty().get()).as("after an unsigned export").isNull();

            keys.lastUsedProperty().set(key.privateKeyFile());
            Files.delete(key.privateKeyFile());
            keys.refresh();
            assertThat(new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace, second.id(),
                    keys).signWithProperty().get()).as("the key file deleted").isNull();
        }
    }

    @Test
    void theRunTaggedMainIsTheBaselineChosenUntilTheUserChoosesAnother() throws Exception {
        try (SampleHistory history = SampleHistory.in(temp)) {
            RunHeader first = history.run();
            history.store.tag(first.id(), "main");
            RunHeader second = history.run();
            ExportViewModel vm = new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace,
                    second.id(), new KeysViewModel(runner, temp.resolve("keys"), () -> history.workspace));
            vm.loadBaselines();

            assertThat(vm.baselineProperty().get().ref()).isEqualTo("main");
            assertThat(vm.baselineProperty().get().label()).isEqualTo("main (run " + first.id() + ")");
            vm.baselineProperty().set(ExportViewModel.NONE);
            vm.loadBaselines();
            assertThat(vm.baselineProperty().get()).as("listed again, the user's choice stays")
                    .isEqualTo(ExportViewModel.NONE);
        }
    }

    /**
     * Exported from a comparison, the form compares with the comparison's first run rather than with main, even when
     * fifty later runs push it out of the runs the form lists.
     */
    @Test
    void aComparisonsFirstRunIsTheBaselineChosenEvenWhenOlderThanTheRunsListed() throws Exception {
        try (SampleHistory history = SampleHistory.in(temp)) {
            RunHeader first = history.run();
            RunHeader second = history.run();
            for (int i = 0; i < 50; i++) {
                history.store.createRun(new RunHeader(String.format("29991231-%06d-late", i), second.workspace(),
                        second.workspacePath(), second.config(), second.status(), second.startedAt().plusSeconds(60 + i),
                        second.finishedAt(), second.appVersion(), second.gitCommit(), second.inputs(), 0, second.pid(), List.of()));
            }
            history.store.tag("29991231-000003-late", "main");
            ExportViewModel vm = new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace,
                    second.id(), new KeysViewModel(runner, temp.resolve("keys"), () -> history.workspace), first.id());
            vm.loadBaselines();

            assertThat(vm.baselineProperty().get().ref()).isEqualTo(first.id());
            assertThat(vm.baselineProperty().get().label()).startsWith("run " + ExportViewModel.shortId(first.id()) + " · ");
            assertThat(vm.baselines()).extracting(ExportViewModel.Baseline::ref).contains("main", first.id());
            // The run tagged main says so in the list, as the comparison's picker says it.
            assertThat(vm.baselines()).filteredOn(b -> "29991231-000003-late".equals(b.ref())).extracting(ExportViewModel.Baseline::label)
                    .singleElement().asString().startsWith("run 29991231-000003-late [main] · ");
        }
    }

    /**
     * Exported from the comparison of a canary with its control, the report is the canary's verdict as `evalbench
     * canary --out DIR --sign KEY` writes it (their requests do not pair, so an eval report of one against the other
     * would compare nothing), signed, and verifiable as a reader would check it.
     */
    @Test
    void aCanaryExportedAgainstItsControlIsTheCanarysSignedVerdict() throws Exception {
        try (SampleHistory history = SampleHistory.in(temp)) {
            history.run();
            var traffic = new dev.evalbench.core.service.TrafficImport(java.time.Clock.systemUTC());
            String control = traffic.importFile(history.workspace.resolve("traffic/control.jsonl"), history.ws, history.workspace,
                    history.store, List.of()).header().id();
            String canary = traffic.importFile(history.workspace.resolve("traffic/canary-shifted.jsonl"), history.ws,
                    history.workspace, history.store, List.of()).header().id();
            var key = dev.evalbench.core.service.SigningKeys.create(temp.resolve("keys"), "reviewer", null);
            ExportViewModel vm = new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace, canary,
                    new KeysViewModel(runner, temp.resolve("keys"), () -> history.workspace), control);
            vm.loadBaselines();
            assertThat(vm.baselineProperty().get().ref()).isEqualTo(control);
            assertThat(vm.writesProperty().get()).isEqualTo(ExportViewModel.WRITES_CANARY);
            vm.baselineProperty().set(ExportViewModel.NONE);
            assertThat(vm.writesProperty().get()).as("the canary alone").isEqualTo(ExportViewModel.WRITES_REPORT);
            vm.baselineProperty().set(vm.baselines().stream().filter(b -> control.equals(b.ref())).findFirst().orElseThrow());
            Path out = temp.resolve("canary-report");
            vm.folderProperty().set(out.toString());
            vm.signWithProperty().set(key.privateKeyFile());
            vm.export();

            assertThat(vm.problemProperty().get()).isEmpty();
            assertThat(vm.outcomeProperty().get()).contains("report.json (sha256 ", "the canary's verdict", "report.intoto.json, signed by ")
                    .endsWith("Canary " + canary + " against control " + control + ": roll back ("
                            + new dev.evalbench.core.service.CanaryService(history.store).judge(control, canary,
                                    dev.evalbench.core.canary.CanaryOptions.DEFAULTS, null, null).result().reason() + ").");
            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            assertThat(report.get("format").asText()).isEqualTo("evalbench-canary/1");
            assertThat(report.get("verdict").asText()).isEqualTo("roll_back");
            assertThat(vm.envelopeProperty().get()).isEqualTo(out.resolve("report.intoto.json"));
            assertThat(vm.htmlProperty().get()).as("a canary's report has no page to open").isNull();
            assertThat(out.resolve("report.html")).doesNotExist();
            dev.evalbench.cli.Cli.Result verify = dev.evalbench.cli.Cli.run("verify", out.resolve("report.intoto.json").toString(),
                    "--key", key.publicKeyFile().toString(), "-w", history.workspace.toString());
            assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();

            // Written again unsigned into the same folder: the old signature stays, and the form says what it signs.
            vm.signWithProperty().set(null);
            vm.export();
            assertThat(vm.outcomeProperty().get()).contains("report.intoto.json was left as it was: it signs the report.json it was made with");
            assertThat(vm.envelopeProperty().get()).isNull();
        }
    }

    @Test
    void withoutAFolderNothingIsWrittenAndTheFormSaysWhy() throws Exception {
        try (SampleHistory history = SampleHistory.in(temp)) {
            RunHeader run = history.run();
            ExportViewModel vm = new ExportViewModel(runner, () -> history.store, Map.of(), () -> history.workspace, run.id(),
                    new KeysViewModel(runner, temp.resolve("keys"), () -> history.workspace));
            vm.folderProperty().set("  ");
            vm.export();

            assertThat(vm.problemProperty().get()).isEqualTo("Choose a folder to write the report into.");
            assertThat(vm.outcomeProperty().get()).isEmpty();
        }
    }
}
