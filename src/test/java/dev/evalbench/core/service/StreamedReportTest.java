package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.ReportCases;
import dev.evalbench.core.report.ReportJson;
import dev.evalbench.core.report.ReportMarkdown;
import dev.evalbench.core.report.html.ReportHtml;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report of a run alone reads its records one at a time (masked and written, then let go) and gates it on
 * its summaries. What it writes must be what a report built from the whole run held in memory writes: the
 * same records, masked the same way, and the same report.json, report.md and report.html, byte for byte. A
 * real offline run of the sample, whose probes carry customers' e-mail addresses as restricted values.
 */
class StreamedReportTest {
    @TempDir static Path temp;
    static Path ws;
    static Path out;
    static List<CaseRecord> raw;
    static StoredRun run;
    static RunGates runGates;
    static GateReport verdicts;
    static StoredRun masked;

    /** One offline run, reported alone; then the same run read whole, gated and masked as reports were made before. */
    @BeforeAll
    static void reportARun() throws Exception {
        ws = temp.resolve("support-triage");
        try (Stream<Path> paths = Files.walk(Path.of("workspaces/support-triage"))) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = Path.of("workspaces/support-triage").relativize(p).toString();
                if (rel.startsWith(".evalbench")) continue;
                Path target = ws.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        out = temp.resolve("report");
        try (RunStore store = SqliteRunStore.open(HistoryLocation.prepare(ws))) {
            Workspace workspace = Components.loadChecked(ws, Map.of());
            RunHeader header = new RunService(Clock.systemUTC(), Map.of()).run(workspace, ws,
                    new RunConfig(List.of("offline"), List.of(), 1, 4, "off"), store, RunListener.NONE, new Cancellation());
            new ReportService(store, new GateService(Map.of())).write(header.id(), null, ws, out, null);

            run = RunLookup.run(store, header.id());
            raw = run.cases();
            GateService gates = new GateService(Map.of());
            runGates = gates.gatesOf(run, store, ws).orElseThrow();
            verdicts = gates.gate(runGates, run, null);
            masked = OutboundMasks.of(runGates.workspace(), store, Map.of(), run).run(run);
        }
    }

    @Test
    void theStreamedReportIsByteForByteTheReportOfTheWholeMaskedRun() throws Exception {
        ReportContent whole = new ReportContent(ReportCases.of(masked), verdicts, null, null, "evalbench " + AppInfo.appVersion());

        byte[] json = ReportJson.bytes(whole);
        assertThat(Files.readAllBytes(out.resolve("report.json"))).isEqualTo(json);
        String sha256 = dev.evalbench.core.json.Digests.sha256(json);
        assertThat(Files.readString(out.resolve("report.md"))).isEqualTo(ReportMarkdown.render(whole, sha256));
        assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(ReportHtml.render(whole, sha256, List.of(),
                dev.evalbench.core.report.ReportJson.rollbackTarget(whole)));

        // Each line of the records file is one masked record, in stored order, as Jackson writes it alone.
        List<String> lines = gunzipLines(Files.readAllBytes(out.resolve(ReportCases.FILE)));
        List<String> expected = new ArrayList<>();
        for (CaseRecord r : masked.cases()) expected.add(Json.MAPPER.writeValueAsString(r));
        assertThat(lines).hasSize(run.cases().size()).isEqualTo(expected);
    }

    @Test
    void noRestrictedValueOfAnyCaseIsInTheStreamedRecordsThoughTheRawPromptsCarryThem() throws Exception {
        List<String> restricted = new ArrayList<>();
        for (String line : Files.readAllLines(ws.resolve("datasets/probes.jsonl"))) {
            if (line.isBlank()) continue;
            Json.MAPPER.readTree(line).path("restricted").forEach((JsonNode v) -> restricted.add(v.asText().toLowerCase(Locale.ROOT)));
        }
        assertThat(restricted).hasSizeGreaterThan(10);
        String rawText = Json.MAPPER.writeValueAsString(raw).toLowerCase(Locale.ROOT);
        assertThat(restricted).anyMatch(rawText::contains);

        String written = String.join("\n", gunzipLines(Files.readAllBytes(out.resolve(ReportCases.FILE)))).toLowerCase(Locale.ROOT);
        assertThat(written).contains("[masked ");
        for (String value : restricted) assertThat(written).doesNotContain(value);
    }

    static List<String> gunzipLines(byte[] gz) throws Exception {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertThat(text).endsWith("\n");
            return List.of(text.substring(0, text.length() - 1).split("\n", -1));
        }
    }
}
