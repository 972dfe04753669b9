package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalbench tag RUN main} on the real command line: moving main (the baseline every later run is gated
 * against) says from which run, and main put on a traffic run, as {@code tag latest main} does right after a
 * traffic import, is said to be one: runs gated against it matched none of its cases ("No case of this run matches
 * a case of the baseline").
 */
class TagMoveTest {
    @TempDir
    Path tmp;

    @Test
    void movingMainSaysFromWhichRunAndMainOnATrafficRunIsSaidToBeOne() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        String first = runId(Cli.run("run", w, "--suite", "safety", "--json"));
        String second = runId(Cli.run("run", w, "--suite", "safety", "--json"));

        assertThat(Cli.run("tag", first, "main", "-w", w).out()).isEqualTo("main -> " + first + "\n");
        Cli.Result moved = Cli.run("tag", second, "main", "-w", w);
        assertThat(moved.exit()).isZero();
        assertThat(moved.out()).isEqualTo("main -> " + second + " (moved from " + first + ")\n");
        assertThat(moved.err()).isEmpty();
        assertThat(Cli.run("tag", second, "main", "-w", w).out()).as("put where it is: nothing moved")
                .isEqualTo("main -> " + second + "\n");

        Cli.Result imported = Cli.run("traffic", "import", ws.resolve("traffic/control-small.jsonl").toString(), "-w", w);
        assertThat(imported.exit()).as(imported.err()).isZero();
        Cli.Result traffic = Cli.run("tag", "latest", "main", "-w", w);
        assertThat(traffic.exit()).isZero();
        assertThat(traffic.out()).startsWith("main -> ").endsWith(" (moved from " + second + ")\n");
        assertThat(traffic.err()).contains("is a traffic run (production's requests, not the eval cases): runs gated "
                + "against main will match none of its cases; tag an eval run main");
        assertThat(Cli.run("tag", "latest", "control", "-w", w).err()).as("other tags name traffic runs").isEmpty();
    }

    private static String runId(Cli.Result result) throws Exception {
        return Json.MAPPER.readTree(result.out()).get("run_id").asText();
    }
}
