package dev.evalbench.core.gate.ci;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cases whose verdict flipped between a baseline and a run, aligned by {@link CaseAlignment}:
 * pass → fail first, then fail → pass, each group in the baseline's case order. {@code change} says what
 * changed in plain words: the new failures (or the old ones that went away) and any change of decision.
 */
public record FlippedCases(List<Flip> toFail, List<Flip> toPass) {

    /** One flipped case; {@code key} is the alignment key, such as "triage/t007". */
    public record Flip(String key, boolean nowFails, String change) {}

    public static FlippedCases between(StoredRun baseline, StoredRun run) {
        return between(RunCases.of(baseline), RunCases.of(run));
    }

    public static FlippedCases between(RunCases baseline, RunCases run) {
        List<Flip> toFail = new ArrayList<>();
        List<Flip> toPass = new ArrayList<>();
        for (CasePair<ScoredCase> p : CaseAlignment.matched(baseline.cases(), run.cases())) {
            if (p.flippedToFail()) {
                toFail.add(new Flip(p.key(), true, withDecision(CaseFailures.describe(p.after()), p)));
            } else if (p.flippedToPass()) {
                toPass.add(new Flip(p.key(), false, withDecision("Fixed: " + CaseFailures.describe(p.before()), p)));
            }
        }
        return new FlippedCases(List.copyOf(toFail), List.copyOf(toPass));
    }

    /** The first {@code limit} flips, pass → fail before fail → pass. */
    public List<Flip> top(int limit) {
        List<Flip> all = new ArrayList<>(toFail);
        all.addAll(toPass);
        return all.subList(0, Math.min(limit, all.size()));
    }

    public int size() {
        return toFail.size() + toPass.size();
    }

    private static String withDecision(String text, CasePair<ScoredCase> p) {
        String decision = decisionChange(p.before(), p.after());
        if (decision == null) {
            return text;
        }
        boolean ended = text.endsWith(".") || text.endsWith("!") || text.endsWith("?");
        return text + (ended ? " " : ". ") + "Decision: " + decision + ".";
    }

    private static String decisionChange(ScoredCase before, ScoredCase after) {
        // A case without a decision (no answer, no parsable output) has no final action.
        if (before.finalAction() == null || after.finalAction() == null
                || (before.accepted() == after.accepted() && Objects.equals(before.finalAction(), after.finalAction()))) {
            return null;
        }
        return describe(before) + " → " + describe(after);
    }

    private static String describe(ScoredCase c) {
        return dev.evalbench.core.record.DecisionWords.of(c.finalAction(), c.accepted(), c.rule());
    }
}
