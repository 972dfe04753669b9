package dev.evalbench.core.provider.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScriptedModelTest {
    private static final String FILE = "models/demo.yaml";

    private static ScriptedModel parse(String yaml) throws WorkspaceException {
        return ScriptedModel.parse(yaml.getBytes(StandardCharsets.UTF_8), FILE);
    }

    private static final String DEMO = """
            captures:
              order_id: '\\b(ORD-\\d{5})\\b'
              name: 'Name: (\\S+)'
            rules:
              - when: '(?i)charged twice'
                answer: '{"category":"billing","order_id":${order_id}}'
                latency_ms: 420
                tokens_out: 52
              - when: '(?i)charged'
                answer: '{"category":"billing-generic","order_id":${order_id}}'
              - when: 'hello'
                answer: '{"greeting":${name}}'
            default:
              answer: '{"category":"other","order_id":${order_id}}'
              latency_ms: 300
            """;

    @Test
    void firstMatchingRuleWinsInFileOrder() throws Exception {
        ScriptedModel model = parse(DEMO);

        ScriptedAnswer both = model.answer("I was CHARGED TWICE for ORD-10421");
        ScriptedAnswer generic = model.answer("I was charged for ORD-10421");

        assertThat(both.rule()).isEqualTo("rules[0]");
        assertThat(both.text()).isEqualTo("{\"category\":\"billing\",\"order_id\":\"ORD-10421\"}");
        assertThat(generic.rule()).isEqualTo("rules[1]");
        assertThat(generic.text()).isEqualTo("{\"category\":\"billing-generic\",\"order_id\":\"ORD-10421\"}");
    }

    @Test
    void aCaptureThatDoesNotMatchBecomesJsonNull() throws Exception {
        ScriptedAnswer answer = parse(DEMO).answer("charged twice, no order number at hand");

        assertThat(answer.text()).isEqualTo("{\"category\":\"billing\",\"order_id\":null}");
    }

    @Test
    void capturedTextIsEscapedAsAJsonString() throws Exception {
        ScriptedAnswer answer = parse(DEMO).answer("hello\nName: \"Ana\\o\"");

        JsonNode parsed = new ObjectMapper().readTree(answer.text());
        assertThat(parsed.get("greeting").textValue()).isEqualTo("\"Ana\\o\"");
    }

    @Test
    void defaultAnswersWhenNoRuleMatches() throws Exception {
        ScriptedAnswer answer = parse(DEMO).answer("Where is ORD-55555?");

        assertThat(answer.rule()).isEqualTo("default");
        assertThat(answer.text()).isEqualTo("{\"category\":\"other\",\"order_id\":\"ORD-55555\"}");
        assertThat(answer.latencyMs()).isEqualTo(300);
    }

    @Test
    void tokensOutComeFromTheRuleOrFromTheAnswerLength() throws Exception {
        ScriptedModel model = parse(DEMO);

        ScriptedAnswer declared = model.answer("charged twice");
        ScriptedAnswer counted = model.answer("charged once");

        assertThat(declared.tokensOut()).isEqualTo(52);
        assertThat(declared.latencyMs()).isEqualTo(420);
        assertThat(counted.tokensOut()).isEqualTo(counted.text().length() / 4);
        assertThat(counted.latencyMs()).isZero();
    }

    @Test
    void answersMayBeInvalidJsonOnPurpose() throws Exception {
        ScriptedModel model = parse("""
                rules:
                  - when: 'long'
                    answer: '{"category":"shipping","reply":"Dear customer, we'
                default:
                  answer: 'not json at all'
                """);

        assertThat(model.answer("a long letter").text()).isEqualTo("{\"category\":\"shipping\",\"reply\":\"Dear customer, we");
        assertThat(model.answer("short").text()).isEqualTo("not json at all");
    }

    @Test
    void aBadRegexNamesTheFileTheRuleAndItsLine() {
        String yaml = """
                rules:
                  - when: 'fine'
                    answer: 'ok'
                  - when: '(unclosed'
                    answer: 'ok'
                default:
                  answer: 'ok'
                """;

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    InputError error = e.errors().get(0);
                    assertThat(error.file()).isEqualTo(FILE);
                    assertThat(error.line()).isEqualTo(4);
                    assertThat(error.message()).contains("rules[1].when", "invalid regex", "(unclosed");
                    assertThat(e.getMessage()).startsWith("models/demo.yaml:4:");
                });
    }

    @Test
    void everyProblemIsReportedWithItsOwnLine() {
        String yaml = """
                captures:
                  order_id: 'ORD-\\d{5}'
                rules:
                  - when: 'x'
                    answer: '${missing}'
                    latency: 10
                  - answer: 'no when'
                    latency_ms: -5
                default:
                  answer: 'ok'
                """;

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(WorkspaceException.class, e -> assertThat(e.errors())
                        .extracting(InputError::line, InputError::message)
                        .containsExactlyInAnyOrder(
                                tuple(2, "captures.order_id: the regex needs a group; group 1 is the captured value"),
                                tuple(5, "rules[0].answer: ${missing} names no capture; declared: none"),
                                tuple(6, "unknown key `latency`; expected one of [answer, latency_ms, tokens_out, when]"),
                                tuple(7, "rules[1]: missing `when` (the regex searched in the user message)"),
                                tuple(8, "rules[1].latency_ms: expected a whole number >= 0, found `-5`")));
    }

    @Test
    void aMissingDefaultAndBrokenYamlAreErrors() {
        assertThatThrownBy(() -> parse("rules: []\n"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("models/demo.yaml:1:1: missing `default`");
        assertThatThrownBy(() -> parse("rules: [\n  - when: 'x'\n"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageStartingWith("models/demo.yaml:")
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("rules: []\nrules: []\ndefault: {answer: x}\n"))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("rules");
    }
}
