package dev.evalbench.core.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.cel.ExpressionException;
import dev.evalbench.core.cel.ExpressionScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a task suite's judges when the workspace loads and resolves each to its rubric: the route must be a
 * route of the workspace, the rubric a loadable prompt template file, its output schema must declare
 * {@code score} (an integer with {@code minimum} and {@code maximum}) and {@code reason} (a string), both
 * required, the judged field must be a property of the suite prompt's output schema (when that schema lists
 * its properties) and {@code pass} must type-check over {@code score} and {@code reason}. Every problem is an
 * {@link InputError} at its place in evalbench.yaml. Pure apart from the errors it records.
 */
final class SuiteJudges {
    private SuiteJudges() {}

    /**
     * The suite's judges resolved, in manifest order; the ones with problems are left out (errors recorded).
     * {@code routes} null (the routes file has errors of its own) skips the route check.
     */
    static List<JudgeSpec> resolve(LoadContext ctx, Manifest manifest, Manifest.SuiteDecl suite,
                                   PromptReader.Prompts prompts, RouteReader.Routes routes) {
        List<JudgeSpec> resolved = new ArrayList<>();
        PromptTemplate suitePrompt = prompts.byId().get(suite.promptId());
        for (int i = 0; i < suite.judges().size(); i++) {
            JudgeSpec judge = suite.judges().get(i);
            String at = suite.pointer() + "/judges/" + i;
            String what = "judge \"" + judge.name() + "\" of suite \"" + suite.name() + "\"";
            int before = ctx.errorCount();
            if (routes != null && !routes.byName().containsKey(judge.route())) {
                ctx.add(manifest.tree().errorAt(at + "/route", what + ": unknown route \"" + judge.route() + "\" ("
                        + dev.evalbench.core.text.NearestNames.didYouMean(judge.route(), routes.byName().keySet())
                        + "routes: " + String.join(", ", routes.byName().keySet()) + ")"));
            }
            checkField(ctx, manifest, at, what, judge, suitePrompt);
            // Reading a stored run, its judges' verdicts are stored: the pass rule checked then is not run now.
            if (!ctx.checkedByItsRun()) {
                try {
                    ExpressionScope.forJudges().compile(judge.pass());
                } catch (ExpressionException e) {
                    ctx.add(ExpressionPlaces.error(manifest.tree(), manifest.text(), at + "/pass", e, what + " pass"));
                }
            }
            Optional<JudgeSpec> withRubric = rubric(ctx, manifest, at, what, judge, prompts);
            if (withRubric.isPresent() && ctx.errorCount() == before) resolved.add(withRubric.get());
        }
        return List.copyOf(resolved);
    }

    private static void checkField(LoadContext ctx, Manifest manifest, String at, String what, JudgeSpec judge,
                                   PromptTemplate suitePrompt) {
        JsonNode properties = suitePrompt == null ? null : suitePrompt.outputSchema().get("properties");
        if (properties == null || !properties.isObject() || properties.has(judge.field())) return;
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        ctx.add(manifest.tree().errorAt(at + "/field", what + ": field \"" + judge.field() + "\" is not in the output schema "
                + suitePrompt.outputSchemaPath() + " (fields: " + String.join(", ", names) + ")"));
    }

    private static Optional<JudgeSpec> rubric(LoadContext ctx, Manifest manifest, String at, String what, JudgeSpec judge,
                                              PromptReader.Prompts prompts) {
        Optional<PromptTemplate> template = prompts.byId().values().stream().filter(p -> p.file().equals(judge.rubric())).findFirst();
        if (template.isEmpty()) {
            boolean readAsPrompt = ctx.digests().containsKey(judge.rubric());
            if (readAsPrompt) return Optional.empty(); // a template with errors of its own, already reported
            boolean inPrompts = judge.rubric().startsWith(PromptReader.DIR + "/")
                    && (judge.rubric().endsWith(".yaml") || judge.rubric().endsWith(".yml"));
            ctx.add(manifest.tree().errorAt(at + "/rubric", what + ": rubric \"" + judge.rubric() + "\" "
                    + (inPrompts ? "does not exist" : "must be a prompt template file in prompts/ (*.yaml)")));
            return Optional.empty();
        }
        PromptTemplate rubric = template.get();
        JsonNode properties = rubric.outputSchema().path("properties");
        JsonNode score = properties.path("score");
        JsonNode required = rubric.outputSchema().path("required");
        boolean scoreOk = "integer".equals(score.path("type").asText()) && score.path("minimum").isIntegralNumber()
                && score.path("maximum").isIntegralNumber() && score.get("minimum").asInt() < score.get("maximum").asInt();
        boolean reasonOk = "string".equals(properties.path("reason").path("type").asText());
        boolean requiredOk = required.isArray() && contains(required, "score") && contains(required, "reason");
        if (!scoreOk || !reasonOk || !requiredOk) {
            ctx.add(manifest.tree().errorAt(at + "/rubric", what + ": the output schema of rubric \"" + judge.rubric()
                    + "\" (" + rubric.outputSchemaPath() + ") must declare \"score\" as an integer with a \"minimum\" below its "
                    + "\"maximum\" and \"reason\" as a string, both required"));
            return Optional.empty();
        }
        return Optional.of(judge.resolved(rubric, score.get("minimum").asInt(), score.get("maximum").asInt()));
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) if (value.equals(n.asText())) return true;
        return false;
    }

    /** The resolved judges by name, for checking the human labels of the suite's cases. */
    static Map<String, JudgeSpec> byName(List<JudgeSpec> judges) {
        Map<String, JudgeSpec> map = new java.util.LinkedHashMap<>();
        judges.forEach(j -> map.put(j.name(), j));
        return map;
    }
}
