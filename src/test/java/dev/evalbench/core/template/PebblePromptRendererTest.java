package dev.evalbench.core.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.workspace.PromptTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PebblePromptRendererTest {
    private final PebblePromptRenderer renderer = new PebblePromptRenderer();

    private static PromptTemplate template(String system, String body) {
        return new PromptTemplate("triage", 1, "test", "prompts/triage.yaml", system, body, "h", "schemas/s.json", null, "sh");
    }

    private static Map<String, Object> vars(String json) throws Exception {
        return TemplateVars.of((ObjectNode) new ObjectMapper().readTree(json));
    }

    @Test
    void rendersSystemThenUserWithNestedVariables() throws Exception {
        List<Message> messages = renderer.render(template("You help {{ shop }}.", "From {{ customer.name }}:\n{{ ticket }}\n"),
                vars("{\"shop\": \"Northwind\", \"ticket\": \"Hi\", \"customer\": {\"name\": \"Ana\"}}"));

        assertThat(messages).containsExactly(new Message("system", "You help Northwind."), new Message("user", "From Ana:\nHi\n"));
    }

    @Test
    void withoutSystemThereIsOnlyTheUserMessage() throws Exception {
        assertThat(renderer.render(template(null, "x"), Map.of())).containsExactly(new Message("user", "x"));
    }

    @Test
    void missingVariableIsAnErrorNamingItTheFileAndTheLine() {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(template(null, "Hello\nthere\nTicket from {{ customer }}"), Map.of()));

        assertThat(e.getMessage()).isEqualTo("prompts/triage.yaml: body line 3: variable \"customer\" is not defined");
        assertThat(e.file()).isEqualTo("prompts/triage.yaml");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void aMistypedVariableSuggestsTheCasesNearestName() {
        TemplateException inText = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(template(null, "Ticket: {{ tikcet }}"),
                        vars("{\"ticket\": \"hi\", \"channel\": \"app\"}")));
        TemplateException inCondition = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(template(null, "{% if chanel == 'app' %}via app{% endif %}"),
                        vars("{\"ticket\": \"hi\", \"channel\": \"app\"}")));
        TemplateException nothingNear = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(template(null, "{{ locale }}"), vars("{\"ticket\": \"hi\"}")));

        assertThat(inText.getMessage()).isEqualTo("prompts/triage.yaml: body line 1: variable \"tikcet\" is not defined"
                + " (did you mean ticket?)");
        assertThat(inCondition.getMessage()).endsWith("variable \"chanel\" is not defined (did you mean channel?)");
        assertThat(nothingNear.getMessage()).endsWith("variable \"locale\" is not defined");
    }

    @Test
    void missingNestedVariableIsNamedByItsFullPath() throws Exception {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(template(null, "{{ customer.name }}\n{{ customer.email }}"), vars("{\"customer\": {\"name\": \"Ana\"}}")));

        assertThat(e.getMessage()).isEqualTo("prompts/triage.yaml: body line 2: variable \"customer.email\" is not defined");
    }

    @Test
    void missingVariableInsideAnIfConditionIsStillNamed() {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(template("{% if vip %}VIP{% endif %}", "x"), Map.of()));

        assertThat(e.getMessage()).isEqualTo("prompts/triage.yaml: system line 1: variable \"vip\" is not defined");
    }

    @Test
    void pebbleGlobalsAreNotDefaultsForMissingVariables() throws Exception {
        PromptTemplate t = template(null, "{{ customer.locale }}\n{% set x = 'a' %}Reply in {{ locale }}; '{{ \"locale\" }}'");

        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(t, vars("{\"customer\": {\"locale\": \"pt\"}}")));

        assertThat(e.getMessage()).isEqualTo("prompts/triage.yaml: body line 2: variable \"locale\" is not defined");
        assertThat(renderer.render(t, vars("{\"customer\": {\"locale\": \"pt\"}, \"locale\": \"de\"}")).get(0).content())
                .isEqualTo("pt\nReply in de; 'locale'");
        assertThat(renderer.render(template(null, "{% for template in names %}{{ template }}{% endfor %}"),
                vars("{\"names\": [\"a\", \"b\"]}")).get(0).content()).isEqualTo("ab");
    }

    @Test
    void loopsAndFiltersWorkAndKeepLineBreaksAsJinjaDoes() throws Exception {
        String body = "Items:\n{% for item in items %}- {{ item.name | upper }} x{{ item.qty }}\n{% endfor %}Total: {{ items | length }}";

        List<Message> messages = renderer.render(template(null, body),
                vars("{\"items\": [{\"name\": \"mug\", \"qty\": 2}, {\"name\": \"tea\", \"qty\": 1}]}"));

        assertThat(messages.get(0).content()).isEqualTo("Items:\n- MUG x2\n- TEA x1\nTotal: 2");
    }

    @Test
    void nothingIsHtmlEscaped() throws Exception {
        List<Message> messages = renderer.render(template(null, "{{ ticket }}"), vars("{\"ticket\": \"<b>Tom & Jerry's \\\"deal\\\"</b>\"}"));

        assertThat(messages.get(0).content()).isEqualTo("<b>Tom & Jerry's \"deal\"</b>");
    }

    @Test
    void syntaxErrorsNameTheLine() {
        TemplateException e = catchThrowableOfType(TemplateException.class,
                () -> renderer.render(template(null, "ok\n{% for x in %}{% endfor %}"), Map.of()));

        assertThat(e.getMessage()).startsWith("prompts/triage.yaml: body line 2: template syntax error:");
    }

    /**
     * Pebble's lexer words ("expected token of type PRINT_END", "type EOF") become the delimiters the author typed,
     * and a tag left open is named at the line it was opened on, where the fix goes, not where Pebble stopped.
     */
    @Test
    void syntaxErrorsAreWordedInTheAuthorsDelimiters() {
        assertThat(syntaxError("Hello {{ name\nmore text, here.\nand {{ other }}")).isEqualTo(
                "prompts/triage.yaml: body line 1: template syntax error: \"{{\" is not closed: expected \"}}\" before \"more\" (line 2)");
        assertThat(syntaxError("Hi\n{% if x\n text %}yes{% endif %}")).isEqualTo(
                "prompts/triage.yaml: body line 2: template syntax error: \"{%\" is not closed: expected \"%}\" before \"text\" (line 3)");
        assertThat(syntaxError("{{ a }} {{ b")).isEqualTo(
                "prompts/triage.yaml: body line 1: template syntax error: \"{{\" is not closed: expected \"}}\" before the end of the text");
        assertThat(syntaxError("Hi {% if x %}yes")).isEqualTo(
                "prompts/triage.yaml: body line 1: template syntax error: the text ends without the {% endif %} tag it needs");
        assertThat(syntaxError("a {# note\n b")).isEqualTo("prompts/triage.yaml: body line 1: template syntax error: \"{#\" is not closed with \"#}\"");
        // A word Pebble cannot read lines below a "{{" left open: named at the "{{", with what Pebble said.
        assertThat(syntaxError("Fields: {{ ticket.nope\n\nOne; two.")).isEqualTo("prompts/triage.yaml: body line 1: template syntax "
                + "error: \"{{\" is not closed: expected \"}}\" (read up to line 3: Unexpected character [;])");
        // A JSON example's "}}" inside the open tag's braces closes nothing: the "{{" is still named.
        assertThat(syntaxError("Fields: {{ ticket.nope\nEach {\"name\": ..., \"args\": {...}}.\nOne; two.")).isEqualTo(
                "prompts/triage.yaml: body line 1: template syntax error: \"{{\" is not closed: expected \"}}\" (read up to line 3: "
                        + "Unexpected character [;])");
        // A "{{" left open at the end of a block ("|" keeps its last line break): the end of the text, not a character.
        assertThat(syntaxError("Invoice document:\n{{ document }} {{ totl \n")).isEqualTo(
                "prompts/triage.yaml: body line 2: template syntax error: \"{{\" is not closed: expected \"}}\" before the end of the text");
        // What it does not know stays in Pebble's words.
        assertThat(syntaxError("ok {{ x | upper }\n more")).isEqualTo("prompts/triage.yaml: body line 1: template syntax error: Unexpected \"}\"");
    }

    private String syntaxError(String body) {
        return catchThrowableOfType(TemplateException.class, () -> renderer.render(template(null, body), Map.of("name", "n")))
                .getMessage();
    }

    @Test
    void setDoesNotWriteIntoTheCallersVars() throws Exception {
        Map<String, Object> vars = new HashMap<>(Map.of("a", "1"));

        renderer.render(template(null, "{% set b = 2 %}{{ a }}{{ b }}"), vars);

        assertThat(vars).containsOnlyKeys("a");
    }

    @Test
    void oneRendererServesManyThreads() throws Exception {
        PromptTemplate t = template(null, "{{ n }}:{% for i in range(1, 3) %}{{ i }}{% endfor %}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> renderer.render(t, Map.of("n", n)).get(0).content()));
            }
            for (int i = 0; i < 200; i++) assertThat(results.get(i).get()).isEqualTo(i + ":123");
        } finally {
            pool.shutdownNow();
        }
    }
}
