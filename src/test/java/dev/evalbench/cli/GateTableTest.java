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

    @Test
    void aRunNamedFirstWithTheWorkspaceNamedByOptionIsTheRunToGate() {
        String ws = Cli.copySample(tmp).toString();
        Cli.run("run", "--workspace", ws, "--quiet");
        String first = Cli.run("history", "--workspace", ws).out().lines().skip(1).findFirst().orElseThrow()
                .split(" ")[0];
        Cli.run("run", "--workspace", ws, "--quiet");

        // As `report latest~1 -w DIR` names its run; it was refused as naming the workspace twice.
        Cli.Result named = Cli.run("gate", "latest~1", "-w", ws);
        Cli.Result byOption = Cli.run("gate", "--run", "latest~1", "-w", ws);

        assertThat(named.exit()).as(named.err()).isEqualTo(byOption.exit()).isIn(0, 1);
        assertThat(named.out()).startsWith("run " + first + " ").isEqualTo(byOption.out());
        // The older form, the workspace as the argument, still gates the latest run.
        assertThat(Cli.run("gate", ws).out()).doesNotStartWith("run " + first + " ");
    }
}
