package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.workspace.JsonSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --json} of traffic import and export, canary and shadow, and the canary and shadow report.json files,
 * against their schemas in resources/schemas/output/.
 */
class TrafficJsonOutputTest {
    @TempDir
    Path tmp;

    private static JsonNode valid(String json, String schemaName) throws IOException {
        JsonNode node = Json.MAPPER.readTree(json);
        try (var in = TrafficJsonOutputTest.class.getResourceAsStream("/schemas/output/" + schemaName + ".schema.json")) {
            assertThat(in).as("schema %s", schemaName).isNotNull();
            Schema schema = JsonSchemas.compile(Json.MAPPER.readTree(in));
            List<Error> problems = schema.validate(node);
            assertThat(problems).as("%s against %s.schema.json", json, schemaName).isEmpty();
        }
        return node;
    }

    @Test
    void everyTrafficCommandPrintsOneObjectItsSchemaDescribes() throws Exception {
        Path ws = Cli.copySample(tmp);
        String w = ws.toString();
        for (String capture : List.of("control-small", "canary-small")) {
            Cli.Result r = Cli.run("traffic", "import", ws.resolve("traffic/" + capture + ".jsonl").toString(), "-w", w, "--tag", capture, "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(valid(r.out(), "traffic-import").get("requests").asInt()).isEqualTo(20);
        }
        Cli.Result exported = Cli.run("traffic", "export", "control-small", "-w", w, "--out", tmp.resolve("spans.jsonl").toString(), "--json");
        assertThat(valid(exported.out(), "traffic-export").get("delivered").asBoolean()).isTrue();

        Cli.Result canary = Cli.run("canary", "control-small", "canary-small", "-w", w, "--json", "--out", tmp.resolve("canary").toString());
        assertThat(valid(canary.out(), "canary").get("verdict").asText()).isEqualTo("hold");
        valid(java.nio.file.Files.readString(tmp.resolve("canary/report.json")), "canary");

        Cli.Result shadow = Cli.run("shadow", "control-small", "--route", "offline", "-w", w, "--json", "--out", tmp.resolve("shadow").toString());
        assertThat(valid(shadow.out(), "shadow").get("compared").asInt()).isEqualTo(20);
        valid(java.nio.file.Files.readString(tmp.resolve("shadow/report.json")), "shadow");
    }
}
