package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.cli.Cli;
import dev.evalbench.core.service.ReviewService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts of a thousand and more read as people write them, as "10,000 of 10,000 cases" did already: the comparison's
 * headline said "10000 unchanged", the gate table "10000/10000 cases stored", the progress lines
 * "10000/10000 cases" and the history list "10000/10000". Two real runs of 1,048 cases (the sample's tickets, eight of
 * each), offline.
 */
class ThousandsGroupedTest {
    @TempDir Path temp;

    @Test
    void countsOfAThousandAndMoreAreGrouped() throws Exception {
        Path ws = Cli.copySample(temp);
        Path tickets = ws.resolve("datasets/tickets.jsonl");
        List<String> copies = new ArrayList<>();
        for (int copy = 0; copy < 8; copy++) {
            for (String line : Files.readAllLines(tickets, StandardCharsets.UTF_8)) {
                copies.add(line.replaceFirst("\"id\": \"(t\\d+)\"", "\"id\": \"$1-" + copy + "\""));
            }
        }
        Files.write(tickets, copies, StandardCharsets.UTF_8);

        Cli.Result first = Cli.run("run", "--workspace", ws.toString());
        assertThat(first.exit()).as(first.err()).isIn(0, 1);
        assertThat(first.err()).contains("1,048/1,048 cases  ");
        assertThat(first.out()).containsPattern("complete  1,048/1,048 cases stored, \\d+ passed");
        assertThat(Cli.run("run", "--workspace", ws.toString(), "--quiet").exit()).isIn(0, 1);

        try (SampleHistory history = SampleHistory.of(ws)) {
            List<dev.evalbench.core.record.RunHeader> headers = history.store.runs(2);
            List<String> ids = headers.stream().map(h -> h.id()).toList();
            // The history list's line under each run.
            assertThat(new dev.evalbench.app.history.RunRow(headers.get(0), 1048, null, null, null, false, null).cases())
                    .isEqualTo("1,048/1,048");
            CompareViewModel vm = new CompareViewModel(new SameThreadTaskRunner(), new ReviewService(Map.of()),
                    new ReviewService.Side(history.store, ids.get(1)), new ReviewService.Side(history.store, ids.get(0)),
                    () -> ws, ComparisonMask.of(() -> new dev.evalbench.core.mask.OutboundMask(Map.of(), Map.of(),
                            dev.evalbench.core.secret.KeyScrubber.none())));
            vm.load();
            assertThat(vm.headlineProperty().get()).isEqualTo("0 regressed · 0 improved · 0 with another output · 1,048"
                    + " unchanged · 0 only in the first run · 0 only in the second");
        }
    }
}
