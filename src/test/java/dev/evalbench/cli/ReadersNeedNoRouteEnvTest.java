package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that read stored runs (gate, compare, report) call no model, so a route setting that names an
 * environment variable set only where runs are made (CI's gateway URL) does not stop them; a run of that route
 * still refuses to start without it, with the file and line, and a run of another route does not need it.
 */
class ReadersNeedNoRouteEnvTest {
    @TempDir Path tmp;

    @Test
    void gateCompareAndReportReadAStoredRunWithoutTheRouteVariableThatARunOfItsRouteNeeds() {
        Path ws = Cli.copySample(tmp.resolve("ws"));
        Cli.edit(ws.resolve("routes.yaml"), "base_url: ${OPENAI_BASE_URL:-https://api.openai.com/v1}",
                "base_url: ${GATEWAY_URL}");
        Map<String, String> ci = Map.of("GATEWAY_URL", "https://gateway.example.test/v1");
        assertThat(Cli.run(ci, "run", "--workspace", ws.toString(), "--quiet").exit()).isIn(0, 1);
        assertThat(Cli.run(ci, "tag", "latest", "main", "--workspace", ws.toString()).exit()).isZero();
        assertThat(Cli.run(ci, "run", "--workspace", ws.toString(), "--quiet").exit()).isIn(0, 1);

        Cli.Result gate = Cli.run(Map.of(), "gate", "--workspace", ws.toString());
        Cli.Result compare = Cli.run(Map.of(), "compare", "main", "latest", "--workspace", ws.toString());
        Cli.Result report = Cli.run(Map.of(), "report", "latest", "--workspace", ws.toString(),
                "--out", tmp.resolve("report").toString());
        Cli.Result run = Cli.run(Map.of(), "run", "--workspace", ws.toString(), "--route", "openai", "--quiet");
        Cli.Result offline = Cli.run(Map.of(), "run", "--workspace", ws.toString(), "--route", "offline", "--quiet");

        assertThat(gate.exit()).as(gate.err()).isEqualTo(1);
        assertThat(gate.out()).contains("FAILED: 2 of 9 gates failed");
        assertThat(compare.exit()).as(compare.err()).isEqualTo(0);
        assertThat(report.exit()).as(report.err()).isEqualTo(0);
        assertThat(tmp.resolve("report/report.json")).exists();
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: --route: route openai takes its base_url from GATEWAY_URL"
                + " (routes.yaml:32:15), which is not set in the environment; set it where Evalbench starts, or give a"
                + " default in routes.yaml (${GATEWAY_URL:-…}), or choose another route");
        assertThat(offline.exit()).as("a run of another route: " + offline.err()).isIn(0, 1);
        assertThat(offline.err()).doesNotContain("GATEWAY_URL");
    }
}
