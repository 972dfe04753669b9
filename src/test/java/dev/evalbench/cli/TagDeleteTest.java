package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalbench tag --delete TAG} removes a tag, as {@code git tag -d} does: a mistaken tag could only be moved
 * before, never removed, and main could not be taken away to gate without a baseline. Through the real command line
 * on a real history.
 */
class TagDeleteTest {
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
}
