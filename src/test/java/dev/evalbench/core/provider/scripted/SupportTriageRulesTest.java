package dev.evalbench.core.provider.scripted;

import static dev.evalbench.workspaces.SupportTriageWorkspace.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.provider.ModelRequest;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.workspaces.SupportTriageWorkspace;
import dev.evalbench.workspaces.SupportTriageWorkspace.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample workspace's scripted model against its own labels: a plausible keyword model that is mostly right,
 * wrong in a few realistic places, and invalid exactly twice so that the demo's schema gate fails.
 */
class SupportTriageRulesTest {
    private static final Set<String> CATEGORIES = Set.of("billing", "bug", "account", "shipping", "other");
    private static final Set<String> PRIORITIES = Set.of("low", "medium", "high");
    private static final Set<String> ACTIONS = Set.of("reply", "escalate", "refund", "close");
    private static final Set<String> KEYS = Set.of("category", "priority", "action", "order_id", "reply", "tool_calls", "refund_amount");

    private static ScriptedProvider provider;
    private static List<ObjectNode> tickets;

    @BeforeAll
    static void load() throws Exception {
        ScriptedModel model = ScriptedModel.parse(SupportTriageWorkspace.bytes("models/triage-rules.yaml"), "models/triage-rules.yaml");
        provider = new ScriptedProvider(model, "triage-rules-v1", false);
        tickets = SupportTriageWorkspace.cases("datasets/tickets.jsonl");
    }

    private static ModelResponse ask(Message... messages) throws Exception {
        return provider.complete(new ModelRequest("triage-rules-v1", List.of(messages), null, null, null, 30_000));
    }

    private static String ticketText(ObjectNode ticket) {
        return SupportTriageWorkspace.preprocessedVars(ticket).get("ticket").textValue();
    }

    /** The answer parsed strictly and checked field by field with Jackson; null when it is not a valid answer. */
    static JsonNode strictlyParsed(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
        if (node == null || !node.isObject()) return null;
        for (var it = node.fieldNames(); it.hasNext(); ) if (!KEYS.contains(it.next())) return null;
        boolean valid = CATEGORIES.contains(node.path("category").asText(null))
                && PRIORITIES.contains(node.path("priority").asText(null))
                && ACTIONS.contains(node.path("action").asText(null))
                && node.has("order_id") && (node.get("order_id").isNull() || node.get("order_id").asText().matches("ORD-\\d{5}"))
                && node.path("reply").isTextual() && !node.get("reply").textValue().isEmpty();
        return valid ? node : null;
    }

    @Test
    void onPlainTicketTextTheModelIsMostlyRightAndInvalidExactlyTwice() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JSON.readTree(SupportTriageWorkspace.bytes("schemas/triage.schema.json")));
        int categoryRight = 0;
        int actionRight = 0;
        Set<String> invalid = new TreeSet<>();
        Set<String> schemaInvalid = new TreeSet<>();
        for (ObjectNode ticket : tickets) {
            String id = ticket.get("id").textValue();
            String text = ask(new Message("user", ticketText(ticket))).text();
            JsonNode answer = strictlyParsed(text);
            JsonNode loose = parseOrNull(text);
            if (loose == null || !schema.validate(loose).isEmpty()) schemaInvalid.add(id);
            if (answer == null) {
                invalid.add(id);
                continue;
            }
            JsonNode expected = ticket.get("expected");
            if (answer.get("category").equals(expected.get("category"))) categoryRight++;
            if (answer.get("action").equals(expected.get("action"))) actionRight++;
        }
        double categoryAccuracy = (double) categoryRight / tickets.size();
        double actionAccuracy = (double) actionRight / tickets.size();

        assertThat(invalid).hasSize(2);
        assertThat(schemaInvalid).as("the output schema rejects the same two answers").isEqualTo(invalid);
        assertThat(categoryAccuracy).isBetween(0.88, 0.93);
        assertThat(actionAccuracy).isBetween(0.85, 0.92);
    }

    @Test
    void theCustomerContextAroundTheTicketDoesNotChangeAnyAnswer() throws Exception {
        List<String> changed = new ArrayList<>();
        for (ObjectNode ticket : tickets) {
            ModelResponse plain = ask(new Message("user", ticketText(ticket)));
            for (boolean newLineTrimming : new boolean[] {true, false}) {
                Rendered prompt = SupportTriageWorkspace.render(ticket, newLineTrimming);
                ModelResponse rendered = ask(new Message("system", prompt.system()), new Message("user", prompt.user()));
                if (!plain.text().equals(rendered.text())) changed.add(ticket.get("id").textValue() + " trim=" + newLineTrimming);
            }
        }

        assertThat(changed).as("tickets whose answer depends on the order history or context lines").isEmpty();
    }

    private static JsonNode parseOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }
}
