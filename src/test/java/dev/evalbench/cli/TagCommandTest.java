package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalbench tag} through the real command line on a real history. {@code tag --delete TAG} removes a tag, as
 * {@code git tag -d} does: a mistaken tag could only be moved before, never removed, and main could not be taken away
 * to gate without a baseline. Moving main (the baseline every later run is gated against) says from which run, and
 * main put on a traffic run, as {@code tag latest main} does right after a traffic import, is said to be one: runs
 * gated against it matched none of its cases ("No case of this run matches a case of the baseline").
 */
class TagCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aTagIsRemovedAndTheRunItNamedIsSaid() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        assertThat(Cli.run("run", w, "--suite", "safety", "--quiet").exit()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        String runId = Json.MAPPER.readTree(Cli.run("history", "--workspace", w, "--json").out()).get(0).get("run_id").asText();
        assertThat(Cli.run("tag", "latest", "main", "--workspace", w).exit()).isZero();
        assertThat(Cli.run("tag", "latest", "nightly", "--workspace", w).exit()).isZero();

        Cli.Result deleted = Cli.run("tag", "--delete", "nightly", "--workspace", w);
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted tag nightly (it named run " + runId + ")\n");
        JsonNode listed = Json.MAPPER.readTree(Cli.run("history", "--workspace", w, "--json").out()).get(0);
        assertThat(listed.get("tags").toString()).isEqualTo("[\"main\"]");
        assertThat(Cli.run("gate", "--run", "nightly", "--workspace", w).exit()).as("the tag names nothing now")
                .isEqualTo(ExitCodes.BAD_INPUT);

        // A tag that names no run: bad input, with the tags there are.
        Cli.Result unknown = Cli.run("tag", "--delete", "nightly", "--workspace", w);
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("error: no run is tagged \"nightly\"; the tags are main");
        // --delete with a run, or a run without its tag: usage errors, nothing changed.
        Cli.Result both = Cli.run("tag", "latest", "--delete", "main", "--workspace", w);
        assertThat(both.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(both.err()).contains("--delete takes the tag alone: `evalbench tag --delete main`, without a run");
        Cli.Result runAlone = Cli.run("tag", "latest", "--workspace", w);
        assertThat(runAlone.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(runAlone.err()).contains("name the tag too: `evalbench tag latest TAG`");

        JsonNode json = Json.MAPPER.readTree(Cli.run("tag", "--delete", "main", "--workspace", w, "--json").out());
        assertThat(json.toString()).isEqualTo("{\"tag\":\"main\",\"run_id\":\"" + runId + "\",\"deleted\":true}");
        assertThat(Cli.run("history", "--workspace", w).out()).doesNotContain("main");
    }

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
