package dev.evalbench.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every line of the sample datasets is a case in the documented format, with the variables the prompt uses. */
class SupportTriageDatasetsTest {
    private static final Set<String> CASE_KEYS = Set.of("id", "vars", "expected", "restricted", "tags", "expect", "blocking", "labels");
    private static final Set<String> EXPECT_KEYS = Set.of("must_reject", "forbidden_actions", "forbidden_tools");
    private static final Set<String> CATEGORIES = Set.of("billing", "bug", "account", "shipping", "other");
    private static final Set<String> PRIORITIES = Set.of("low", "medium", "high");
    private static final Set<String> ACTIONS = Set.of("reply", "escalate", "refund", "close");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern ORDER_ID = Pattern.compile("ORD-\\d{5}");

    @Test
    void ticketsAreLabelledTaskCases() {
        List<ObjectNode> tickets = SupportTriageWorkspace.cases("datasets/tickets.jsonl");
        List<String> problems = new ArrayList<>();
        for (ObjectNode ticket : tickets) {
            String id = commonProblems(ticket, problems);
            JsonNode expected = ticket.get("expected");
            if (expected == null || !expected.isObject()) {
                problems.add(id + ": no expected object");
                continue;
            }
            if (ticket.has("expect") || ticket.has("blocking")) problems.add(id + ": task case with safety keys");
            assertField(id, expected, "category", CATEGORIES, problems);
            assertField(id, expected, "priority", PRIORITIES, problems);
            assertField(id, expected, "action", ACTIONS, problems);
            if (expected.size() != 5 || !expected.has("order_id") || !expected.has("refund_amount")) {
                problems.add(id + ": expected needs exactly category, priority, action, order_id, refund_amount");
            }
            JsonNode refund = expected.path("refund_amount");
            if (!refund.isNull() && !refund.isNumber()) problems.add(id + ": refund_amount must be a number or null");
            JsonNode orderId = expected.path("order_id");
            if (!orderId.isNull()) {
                if (!orderId.isTextual() || !ORDER_ID.matcher(orderId.textValue()).matches()) problems.add(id + ": bad order_id " + orderId);
                else if (!ticket.at("/vars/ticket").textValue().contains(orderId.textValue())) problems.add(id + ": order_id not in the ticket text");
            }
        }

        assertThat(problems).isEmpty();
        assertThat(tickets).hasSizeGreaterThanOrEqualTo(110);
        assertThat(uniqueIds(tickets)).hasSameSizeAs(tickets);
        for (String category : CATEGORIES) {
            assertThat(tickets).as("tickets of category " + category)
                    .filteredOn(t -> t.at("/expected/category").textValue().equals(category)).hasSizeGreaterThanOrEqualTo(12);
        }
    }

    @Test
    void probesAreSafetyCasesMostlyBlocking() {
        List<ObjectNode> probes = SupportTriageWorkspace.cases("datasets/probes.jsonl");
        List<String> problems = new ArrayList<>();
        String system = SupportTriageWorkspace.yaml("prompts/triage.yaml").get("system").textValue();
        for (ObjectNode probe : probes) {
            String id = commonProblems(probe, problems);
            if (probe.has("expected")) problems.add(id + ": safety case with expected");
            if (!probe.path("blocking").isBoolean()) problems.add(id + ": blocking must be a boolean");
            JsonNode expect = probe.get("expect");
            if (expect == null || !expect.isObject()) {
                problems.add(id + ": no expect object");
                continue;
            }
            expect.fieldNames().forEachRemaining(k -> {
                if (!EXPECT_KEYS.contains(k)) problems.add(id + ": unknown expect key " + k);
            });
            if (!expect.path("must_reject").isBoolean()) problems.add(id + ": must_reject must be a boolean");
            for (String list : List.of("forbidden_actions", "forbidden_tools")) {
                if (!expect.path(list).isArray()) problems.add(id + ": " + list + " must be an array");
                expect.path(list).forEach(v -> {
                    if (!v.isTextual()) problems.add(id + ": " + list + " holds a non-string");
                });
            }
            expect.path("forbidden_actions").forEach(a -> {
                if (!ACTIONS.contains(a.asText())) problems.add(id + ": forbidden action " + a + " is not an action");
            });
            boolean checksSomething = expect.path("must_reject").asBoolean() || !expect.path("forbidden_actions").isEmpty()
                    || !expect.path("forbidden_tools").isEmpty();
            if (!checksSomething) problems.add(id + ": expects nothing");
            // A restricted value is something the model can see: in the case's variables or in the system prompt.
            probe.get("restricted").forEach(r -> {
                if (!probe.get("vars").toString().contains(r.textValue()) && !system.contains(r.textValue())) {
                    problems.add(id + ": restricted value the model never sees: " + r.textValue());
                }
            });
        }

        assertThat(problems).isEmpty();
        assertThat(probes).hasSizeGreaterThanOrEqualTo(28);
        assertThat(uniqueIds(probes)).hasSameSizeAs(probes);
        long blocking = probes.stream().filter(p -> p.get("blocking").booleanValue()).count();
        assertThat(blocking).isGreaterThan(probes.size() * 3L / 4).isLessThan(probes.size());
    }

    /** Checks what every case shares; returns its id for messages. */
    private static String commonProblems(ObjectNode evalCase, List<String> problems) {
        String id = evalCase.path("id").asText("<no id>");
        evalCase.fieldNames().forEachRemaining(k -> {
            if (!CASE_KEYS.contains(k)) problems.add(id + ": unknown key " + k);
        });
        if (!evalCase.path("id").isTextual() || id.isBlank()) problems.add(id + ": id must be a non-empty string");
        JsonNode vars = evalCase.get("vars");
        if (vars == null || !vars.isObject()) {
            problems.add(id + ": vars must be an object");
            return id;
        }
        // The variables the prompt template reads; rendering is strict, so each case must define all of them.
        for (String pointer : List.of("/channel", "/ticket", "/customer/name", "/customer/email", "/customer/tier", "/customer/card")) {
            if (!vars.at(pointer).isTextual() || vars.at(pointer).textValue().isBlank()) problems.add(id + ": vars" + pointer + " missing");
        }
        if (!vars.at("/customer/orders").isArray()) problems.add(id + ": vars/customer/orders must be an array");
        vars.at("/customer/orders").forEach(o -> {
            for (String field : List.of("id", "item", "status")) if (!o.path(field).isTextual()) problems.add(id + ": order without " + field);
            if (!ORDER_ID.matcher(o.path("id").asText()).matches()) problems.add(id + ": order id " + o.path("id") + " is not ORD-12345");
        });
        for (String list : List.of("restricted", "tags")) {
            if (!evalCase.path(list).isArray()) problems.add(id + ": " + list + " must be an array");
            evalCase.path(list).forEach(v -> {
                if (!v.isTextual()) problems.add(id + ": " + list + " holds a non-string");
            });
        }
        String email = vars.at("/customer/email").asText();
        boolean restrictsEmail = false;
        for (JsonNode r : evalCase.path("restricted")) restrictsEmail |= r.asText().equals(email);
        if (!restrictsEmail) problems.add(id + ": the customer's email is not restricted");
        // Only reserved example domains: no real person's address anywhere in the data.
        Matcher m = EMAIL.matcher(evalCase.toString());
        while (m.find()) {
            if (!m.group(1).matches("example\\.(com|org|net)")) problems.add(id + ": non-example e-mail domain " + m.group(1));
        }
        return id;
    }

    private static void assertField(String id, JsonNode expected, String field, Set<String> allowed, List<String> problems) {
        if (!allowed.contains(expected.path(field).asText())) problems.add(id + ": expected." + field + " is " + expected.path(field));
    }

    private static Set<String> uniqueIds(List<ObjectNode> cases) {
        Set<String> ids = new HashSet<>();
        cases.forEach(c -> ids.add(c.get("id").textValue()));
        return ids;
    }
}
