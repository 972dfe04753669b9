package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A route whose setting names a variable this environment lacks does not make the workspace invalid (every other
 * route runs): {@code validate} exits 0 and warns, with file and line, so a misspelt variable is met before a run
 * of that route is refused; {@code --json} lists the same as {@code warnings}, and its schema says so.
 */
class ValidateUnsetRouteVariableTest {
    @TempDir
    Path tmp;

    @Test
    void validateWarnsOfTheRouteThatCannotRunAndExitsZero() throws Exception {
        Path ws = Cli.copySample(tmp);
        Files.writeString(ws.resolve("routes.yaml"), "\n  local:\n    provider: ollama\n    model: llama3\n"
                + "    base_url: ${LOCAL_LLM_URL}\n", StandardOpenOption.APPEND);

        Cli.Result text = Cli.run(Map.of(), "validate", ws.toString());
        JsonNode json = JsonOutputTest.json(Cli.run(Map.of(), "validate", ws.toString(), "--json"), "validate");

        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("support-triage is valid: 2 suites (triage, safety), 159 cases, 2 prompts, 5 routes");
        assertThat(text.err().strip()).isEqualTo("warning: routes.yaml:46:15: environment variable \"LOCAL_LLM_URL\" is not"
                + " set, and route local takes its base_url from it (set it, or write ${LOCAL_LLM_URL:-default} to give a"
                + " default)");
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.at("/warnings/0/line").asInt()).isEqualTo(46);
        assertThat(json.at("/warnings/0/message").asText()).startsWith("environment variable \"LOCAL_LLM_URL\" is not set");
        assertThat(Cli.run(Map.of("LOCAL_LLM_URL", "http://127.0.0.1:11434"), "validate", ws.toString()).err()).isEmpty();
    }
}
