package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate table a person reads in a terminal: columns line up even when a threshold names its settings. */
class GateTableTest {
    @TempDir Path tmp;

    @Test
    void everyVerdictStartsUnderItsHeaderAndTheDerivedThresholdNamesMinAndTolerance() {
        String ws = Cli.copySample(tmp).toString();
        Cli.run("run", "--workspace", ws, "--quiet");
        Cli.run("tag", "latest", "main", "--workspace", ws);

        Cli.Result gate = Cli.run("gate", "--workspace", ws, "--baseline", "main");

        List<String> lines = Arrays.asList(gate.out().split("\n"));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("gate ")).findFirst().orElseThrow());
        List<String> rows = lines.subList(header + 1, header + 10);
        int verdictColumn = lines.get(header).indexOf("verdict");
        int baselineEnd = lines.get(header).indexOf("baseline") + "baseline".length();
        assertThat(rows).hasSize(9).allSatisfy(row -> {
            assertThat(row.substring(verdictColumn)).isIn("pass", "FAIL");
            assertThat(row.charAt(baselineEnd - 1)).as(row).isNotEqualTo(' ');
        });
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .matches("action-vs-baseline +metric +0\\.\\d{3} +≥ 0\\.\\d{3} \\(min 0\\.850; baseline 0\\.\\d{3} − 0\\.020\\) .*"));
    }
}
