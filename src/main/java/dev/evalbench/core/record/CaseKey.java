package dev.evalbench.core.record;

/** Identifies one unit of work in a run: a case of a suite, through a prompt, on a route, as sample n (0-based). */
public record CaseKey(String suite, String caseId, String promptId, String route, int sample) {
    @Override
    public String toString() {
        return suite + "/" + caseId + "/" + promptId + "@" + route + "#" + sample;
    }
}
