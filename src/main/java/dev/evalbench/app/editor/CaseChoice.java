package dev.evalbench.app.editor;

import dev.evalbench.core.template.TemplateVars;
import dev.evalbench.core.workspace.EvalCase;
import java.util.Map;

/** A case the author can preview a template against: its suite, id and template vars. Immutable. */
public record CaseChoice(String suite, String id, Map<String, Object> vars) {
    static CaseChoice of(String suite, EvalCase c) {
        return new CaseChoice(suite, c.id(), TemplateVars.of(c.vars()));
    }

    @Override
    public String toString() {
        return suite + " / " + id;
    }
}
