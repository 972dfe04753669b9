package dev.evalbench.core.template;

import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.PromptPartLines;
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
 * {@code datasets/tickets.jsonl:14: case "t014": prompts/triage.yaml:71: body line 3: variable "customer" is not defined}
 * (the prompt file's line where the author fixes it, and the part's own line).
 * A template's syntax error is its own, not a case's: listed once, at the file line the author edits
 * ({@code prompts/triage.yaml:10: system line 5: template syntax error: ...}). One problem shared by many cases
 * (a variable many cases lack) is listed for the first {@link #SHOWN_PER_PROBLEM} cases, then counted; one that every
 * case of a suite has (a variable no case defines) is the template's, named once at its file line.
 * Stateless; as thread-safe as the renderer.
 */
public final class WorkspaceValidator {
    static final int SHOWN_PER_PROBLEM = 3;

    private WorkspaceValidator() {}

    /** Every rendering problem, suite by suite in case order; empty when every case renders. */
    public static List<InputError> check(Workspace ws, PromptRenderer renderer) {
        List<InputError> errors = new ArrayList<>();
        Map<String, Boolean> parses = new LinkedHashMap<>();
        Map<String, AllCases> allCases = new LinkedHashMap<>();
        for (SuiteSpec suite : ws.suites()) {
            PromptTemplate prompt = ws.prompts().get(suite.promptId());
            // A syntax error is the template's, whatever the case: named once, at the file's line, and its cases
            // are not rendered (each would fail the same way).
            if (!parses.computeIfAbsent(prompt.file(), f -> parses(ws, prompt, renderer, errors))) continue;
            Map<String, Integer> casesByProblem = new LinkedHashMap<>();
            Map<String, Integer> firstLines = new LinkedHashMap<>();
            int suiteStart = errors.size();
            InputError atTemplate = null;
            for (EvalCase c : suite.cases()) {
                try {
                    renderer.render(prompt, TemplateVars.of(c.vars()));
                } catch (TemplateException e) {
                    // Where the author fixes it, the prompt file's own line, as well as the case that found it.
                    int first = e.line() <= 0 ? 0 : firstLines.computeIfAbsent(e.part(),
                            part -> PromptPartLines.firstLine(ws.files(), prompt.file(), part));
                    atTemplate = e.inFile(first);
                    String problem = atTemplate.toString();
                    int seen = casesByProblem.merge(problem, 1, Integer::sum);
                    if (seen <= SHOWN_PER_PROBLEM) {
                        errors.add(new InputError(c.file(), c.line(), 0, "case \"" + c.id() + "\": " + problem));
                    }
                }
            }
            int cases = suite.cases().size();
            if (cases > 1 && casesByProblem.size() == 1 && casesByProblem.values().iterator().next() == cases) {
                // Every case fails the same way (a variable no case defines): it was listed at three cases' dataset
                // lines and the tree marked the dataset, while the line to fix is the template's.
                errors.subList(suiteStart, errors.size()).clear();
                sayAtTemplate(errors, allCases, atTemplate, suite);
                continue;
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

    /** A problem every case of one suite or more has: where it stands in the errors, and those suites' words. */
    private record AllCases(int at, List<String> suites) {}

    /**
     * Names {@code problem}, which every case of {@code suite} has, at the template's line: once for all the suites
     * that share the template ("all 127 cases of suite "triage" in … and all 32 of suite "safety" in … fail the same
     * way"), in the place the first of them put it.
     */
    private static void sayAtTemplate(List<InputError> errors, Map<String, AllCases> said, InputError problem, SuiteSpec suite) {
        AllCases before = said.get(problem.toString());
        List<String> suites = new ArrayList<>(before == null ? List.of() : before.suites());
        suites.add("all " + suite.cases().size() + (suites.isEmpty() ? " cases" : "") + " of suite \"" + suite.name() + "\" in "
                + suite.dataset());
        InputError error = new InputError(problem.file(), problem.line(), problem.column(),
                problem.message() + " (" + String.join(" and ", suites) + " fail the same way)");
        int at = before == null ? errors.size() : before.at();
        said.put(problem.toString(), new AllCases(at, suites));
        if (before == null) errors.add(error);
        else errors.set(at, error);
    }

    /** True when both parts of {@code prompt} parse; else records the syntax error at its file line. */
    private static boolean parses(Workspace ws, PromptTemplate prompt, PromptRenderer renderer, List<InputError> errors) {
        try {
            renderer.compile(prompt);
            return true;
        } catch (TemplateException e) {
            errors.add(e.inFile(e.line() > 0 ? PromptPartLines.firstLine(ws.files(), prompt.file(), e.part()) : 0));
            return false;
        }
    }
}
