package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.run.ProgressSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the progress line leaves on a terminal, read as the terminal draws it: each carriage return starts over. */
class ProgressPrinterTest {
    private final StringWriter written = new StringWriter();
    private final ProgressPrinter printer = new ProgressPrinter(new PrintWriter(written), true);

    private static ProgressSnapshot snapshot(int done, int total, Long etaSeconds, boolean finished) {
        return new ProgressSnapshot(done, total, Map.of("offline", new ProgressSnapshot.RouteCounts(done, 0, 0)),
                Duration.ofSeconds(1), Optional.ofNullable(etaSeconds).map(Duration::ofSeconds), finished);
    }

    /** The screen's lines once the carriage returns are drawn: each overwrites the start of its line. */
    private String screen() {
        StringBuilder out = new StringBuilder();
        for (String line : written.toString().split("\n", -1)) {
            char[] row = new char[0];
            int col = 0;
            for (char c : line.toCharArray()) {
                if (c == '\r') {
                    col = 0;
                    continue;
                }
                if (col >= row.length) row = java.util.Arrays.copyOf(row, col + 1);
                row[col++] = c;
            }
            out.append(new String(row)).append('\n');
        }
        return out.toString();
    }

    @Test
    void aShorterLineLeavesNothingOfTheLongerOneBeforeIt() {
        printer.progress(snapshot(10, 200, 12L, false));
        printer.progress(snapshot(150, 200, 9L, false));
        printer.progress(snapshot(160, 200, null, false));

        assertThat(screen().strip()).isEqualTo("160/200 cases  0 not passed");
    }

    @Test
    void anEventLineOverTheProgressLineReadsWholeAndTheNextProgressStartsAfterIt() {
        printer.progress(snapshot(10, 200, 120L, false));
        printer.event(new RunEvent(Instant.EPOCH, "breaker", "offline", "open"));
        printer.progress(snapshot(200, 200, null, true));

        assertThat(screen().lines().map(String::stripTrailing).toList())
                .containsExactly("breaker open", "200/200 cases  0 not passed", "");
    }
}
