package dev.evalbench.core.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.ReportService;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs report.html now shows must be masked as its outputs are: a real offline run of the sample, whose
 * safety probes carry customers' e-mail addresses and card numbers as restricted values in their prompts.
 */
class ReportHtmlMaskingTest {
    @TempDir Path temp;

    @Test
    void failingCasesShowTheirInputAndNoRestrictedValueOfAnyCaseAppearsOnThePage() throws Exception {
        Path ws = temp.resolve("support-triage");
        copy(Path.of("workspaces/support-triage"), ws);
        Workspace workspace = Components.loadChecked(ws, Map.of());
        Path out = temp.resolve("report");
        List<CaseRecord> failing;
        List<CaseRecord> all;
        try (RunStore store = SqliteRunStore.open(HistoryLocation.prepare(ws))) {
            RunHeader run = new RunService(Clock.systemUTC(), Map.of()).run(workspace, ws,
                    new RunConfig(List.of("offline"), List.of(), 1, 4, "off"), store, RunListener.NONE, new Cancellation());
            all = store.cases(run.id());
            failing = all.stream().filter(r -> !r.passed()).toList();
            new ReportService(store, new GateService(Map.of())).write(run.id(), null, ws, out, null);
        }
        String html = Files.readString(out.resolve("report.html"));

        assertThat(failing).isNotEmpty();
        assertThat(count(html, "<div class=\"label\">Input</div>")).isEqualTo(Math.min(failing.size(), CaseSections.MAX_CASES));
        List<String> restricted = restrictedValues(ws.resolve("datasets/probes.jsonl"));
        assertThat(restricted).hasSizeGreaterThan(10);
        // The raw prompts do carry them: the page shows what was sent, masked.
        boolean promptsCarryThem = all.stream().filter(r -> r.messages() != null).flatMap(r -> r.messages().stream())
                .anyMatch(m -> restricted.stream().anyMatch(v -> m.content().contains(v)));
        assertThat(promptsCarryThem).as("a raw prompt of the run holds a restricted value").isTrue();
        String lower = html.toLowerCase(Locale.ROOT);
        for (String value : restricted) assertThat(lower).doesNotContain(value.toLowerCase(Locale.ROOT));
    }

    private static List<String> restrictedValues(Path probes) throws Exception {
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(probes)) {
            if (line.isBlank()) continue;
            JsonNode node = Json.MAPPER.readTree(line);
            node.path("restricted").forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) n++;
        return n;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith(".evalbench")) continue;
                Path target = to.resolve(rel);
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
