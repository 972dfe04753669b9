package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.workspace.JsonSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shadow whose route's breaker opens partway, through the real command line over loopback HTTP: the shadow run is
 * left incomplete, so nothing is judged (exit 3, verdict "incomplete", no report folder) and the output says how many
 * requests were answered and why the rest were not. It read "changed" over the requests that happened to be answered,
 * as if they were production's traffic.
 */
class ShadowLeftIncompleteTest {
    @TempDir
    Path tmp;

    @StartStop
    final MockWebServer server = FakeChatCompletions.newServer();

    @Test
    void aShadowRunLeftIncompleteIsNotJudged() throws Exception {
        server.setDispatcher(new FakeChatCompletions().otherwise(x -> x.number() <= 2 ? x.ok()
                : new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"The server had an error\"}}").build()));
        OpenAiWorkspace ws = new OpenAiWorkspace(tmp, server, "sk-shadow").historyInWorkspace()
                .fastRetries(1, 1000)
                .editRoutes(OpenAiWorkspace.BREAKER, "breaker: {window: 4, min_calls: 4, error_rate: 0.5, open_ms: 600000}");
        String dir = ws.dir.toString();
        assertThat(Cli.run(ws.env, "traffic", "import", ws.dir.resolve("traffic/control-small.jsonl").toString(), "-w", dir,
                "--tag", "prod").exit()).isZero();
        Path out = tmp.resolve("shadow-report");

        Cli.Result text = Cli.run(ws.env, "shadow", "prod", "--route", "openai", "-w", dir, "--out", out.toString());

        assertThat(text.exit()).as(text.out() + text.err()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(text.out()).containsPattern("shadow run \\S+ over traffic run \\S+: incomplete\n")
                .containsPattern("INCOMPLETE: run \\S+ is incomplete \\((\\d+) of 20 requests stored: \\d+ cases? not sent:"
                        + " the breaker of route openai was open\\); the figures above cover only the requests answered, so"
                        + " nothing is judged from them and no report is written: run shadow again once the route answers\n")
                .doesNotContain("changed").doesNotContain("wrote ");
        assertThat(Files.exists(out)).as("no report of part of the traffic").isFalse();

        Cli.Result json = Cli.run(ws.env, "shadow", "prod", "--route", "openai", "-w", dir, "--json");
        assertThat(json.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        JsonNode node = Json.MAPPER.readTree(json.out());
        assertThat(node.get("verdict").asText()).isEqualTo("incomplete");
        try (var in = ShadowLeftIncompleteTest.class.getResourceAsStream("/schemas/output/shadow.schema.json")) {
            Schema schema = JsonSchemas.compile(Json.MAPPER.readTree(in));
            assertThat(schema.validate(node)).as(json.out()).isEmpty();
        }
    }
}
