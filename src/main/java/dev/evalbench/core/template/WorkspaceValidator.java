package dev.evalbench.core.template;

import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.PromptTemplate;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The check after loading: renders every case of every suite with its prompt, so a variable a case lacks is
 * found before a run starts (and before anything is written), as
 * {@code datasets/tickets.jsonl:14: case "t014": prompts/triage.yaml: body line 3: variable "customer" is not defined}.
 * One problem shared by many cases (a template syntax error, a variable no case defines) is listed for the
 * first {@link #SHOWN_PER_PROBLEM} cases, then counted. Stateless; as thread-safe as the renderer.
 */
public final class WorkspaceValidator {
    static final int SHOWN_PER_PROBLEM = 3;

    private WorkspaceValidator() {}

    /** Every rendering problem, suite by suite in case order; empty when every case renders. */
    public static List<InputError> check(Workspace ws, PromptRenderer renderer) {
        List<InputError> errors = new ArrayList<>();
        for (SuiteSpec suite : ws.suites()) {
            PromptTemplate prompt = ws.prompts().get(suite.promptId());
            Map<String, Integer> casesByProblem = new LinkedHashMap<>();
            for (EvalCase c : suite.cases()) {
                try {
                    renderer.render(prompt, TemplateVars.of(c.vars()));
                } catch (TemplateException e) {
                    int seen = casesByProblem.merge(e.getMessage(), 1, Integer::sum);
                    if (seen <= SHOWN_PER_PROBLEM) {
                        errors.add(new InputError(c.file(), c.line(), 0, "case \"" + c.id() + "\": " + e.getMessage()));
                    }
                }
            }
            casesByProblem.forEach((problem, count) -> {
                if (count > SHOWN_PER_PROBLEM) {
                    errors.add(new InputError(suite.dataset(), 0, 0, (count - SHOWN_PER_PROBLEM) + " more cases of suite \""
                            + suite.name() + "\" fail the same way: " + problem));
                }
            });
        }
        return errors;
    }
}
