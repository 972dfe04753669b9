package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s repeatable options, {@code --route}, {@code --suite}, {@code --case} and {@code --tag}, also take
 * several names at once, comma-separated, as the window lists routes ("offline, openai"): {@code --route
 * offline,openai} read as one unknown route named "offline,openai". And a name given twice is run once:
 * {@code --route offline --route offline} planned every case twice under the same key, the history refused the
 * second record, and the run stayed incomplete (exit 3) with nothing a resume could finish.
 */
class RunListOptionsTest {
    @TempDir Path tmp;

    @Test
    void commaSeparatedNamesAreSeveralNamesAndANameGivenTwiceRunsOnce() throws Exception {
        String w = Cli.copySample(tmp).toString();

        Cli.Result both = Cli.run("run", w, "--route", "offline,offline-live", "--suite", "safety", "--case", "p01,p02",
                "--json");

        assertThat(both.exit()).as(both.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        JsonNode json = Json.MAPPER.readTree(both.out());
        assertThat(json.get("status").asText()).isEqualTo("complete");
        assertThat(json.get("counts").get("cases").asInt()).isEqualTo(4);
        assertThat(json.get("routes").get("answered").get("offline").asInt()).isEqualTo(2);
        assertThat(json.get("routes").get("answered").get("offline-live").asInt()).isEqualTo(2);
        assertThat(json.get("slice").get("case_ids").toString()).isEqualTo("[\"p01\",\"p02\"]");

        Cli.Result twice = Cli.run("run", w, "--route", "offline,offline", "--route", "offline", "--suite",
                "safety,safety", "--case", "p01", "--case", "p01", "--json");

        assertThat(twice.exit()).as(twice.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        JsonNode once = Json.MAPPER.readTree(twice.out());
        assertThat(once.get("status").asText()).isEqualTo("complete");
        assertThat(once.get("counts").get("cases").asInt()).isEqualTo(1);
        assertThat(once.get("counts").get("planned_cases").asInt()).isEqualTo(1);
        assertThat(once.get("slice").get("suites").toString()).isEqualTo("[\"safety\"]");
        assertThat(Cli.run("history", w).out()).doesNotContain("incomplete");

        Cli.Result tags = Cli.run("run", w, "--tag", "shipping,2fa", "--json");
        assertThat(tags.exit()).as(tags.err()).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        assertThat(Json.MAPPER.readTree(tags.out()).get("slice").get("tags").toString()).isEqualTo("[\"shipping\",\"2fa\"]");
    }

    @Test
    void aListWithAnUnknownNameNamesThatOne() {
        String w = Cli.copySample(tmp).toString();

        Cli.Result typo = Cli.run("run", w, "--route", "offline,ofline", "--quiet");

        assertThat(typo.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(typo.err()).contains("unknown route \"ofline\"").contains("did you mean offline?");
        assertThat(Cli.run("history", w).err()).contains("no run history here");
    }
}
