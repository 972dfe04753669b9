package dev.evalbench.core.compare;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.text.Counted;
import java.util.ArrayList;
import java.util.List;

/**
 * What a comparison left out so that both runs are compared on the same cases. A run of part of the workspace
 * ({@code run --suite triage}, {@code --case}, {@code --tag}) compared with a whole one would otherwise set its
 * pass rate, tokens and cases "only in" the other run against totals of cases it never ran. Each run is taken
 * within what the other chose ({@link RunConfig#chosen}), as gates and reports hold a partial run against its
 * baseline. {@code beforeLeftOut} counts the first run's cases outside what the second
 * chose ({@code afterChose}, in words), and the reverse. Immutable.
 */
public record ComparedScope(int beforeLeftOut, String afterChose, int afterLeftOut, String beforeChose) {
    /** Nothing left out: both runs chose the same cases, or each chose every case. */
    public static final ComparedScope WHOLE = new ComparedScope(0, null, 0, null);

    /**
     * Two runs' cases, each within what the other chose, and what that left out. {@code beforeHeader} and
     * {@code afterHeader} are the headers to gate those cases with: a side that lost cases carries the other
     * side's choice as its config, so its gates of suites it kept none of read "not run" rather than fail for
     * having no cases. Gated so, both sides' gates are of the same cases.
     */
    public record Narrowed<T extends ScoredCase>(List<T> before, List<T> after, ComparedScope scope,
                                                 RunHeader beforeHeader, RunHeader afterHeader) {}

    /**
     * Each run's cases within what the other chose. Only between two eval runs: a traffic run and a shadow run of
     * it hold one suite each of their own ("traffic", "shadow") and are compared request by request, whole.
     */
    public static <T extends ScoredCase> Narrowed<T> of(RunHeader before, List<T> beforeCases, RunHeader after,
                                                        List<T> afterCases) {
        Narrowed<T> whole = new Narrowed<>(beforeCases, afterCases, WHOLE, before, after);
        if (before.kind() != RunKind.EVAL || after.kind() != RunKind.EVAL) return whole;
        List<T> a = after.config() == null ? beforeCases : after.config().chosen(beforeCases);
        List<T> b = before.config() == null ? afterCases : before.config().chosen(afterCases);
        if (a.size() == beforeCases.size() && b.size() == afterCases.size()) return whole;
        return new Narrowed<>(a, b, new ComparedScope(beforeCases.size() - a.size(), dev.evalbench.core.record.RunSlice.chose(after.config()),
                afterCases.size() - b.size(), dev.evalbench.core.record.RunSlice.chose(before.config())),
                a.size() == beforeCases.size() ? before : before.withConfig(after.config()),
                b.size() == afterCases.size() ? after : after.withConfig(before.config()));
    }

    public boolean narrowed() {
        return beforeLeftOut > 0 || afterLeftOut > 0;
    }

    /**
     * Each side's left-out cases in a sentence, null when nothing was left out: "32 cases of A outside what B ran
     * (suite triage)".
     */
    public String sentence(String beforeId, String afterId) {
        if (!narrowed()) return null;
        List<String> parts = new ArrayList<>();
        if (beforeLeftOut > 0) parts.add(leftOut(beforeLeftOut, beforeId, afterId, afterChose));
        if (afterLeftOut > 0) parts.add(leftOut(afterLeftOut, afterId, beforeId, beforeChose));
        return "compared within what both runs ran; left out: " + String.join("; ", parts);
    }

    private static String leftOut(int cases, String of, String other, String otherChose) {
        return Counted.cases(cases) + " of " + of + " outside what " + other + " ran (" + otherChose + ")";
    }
}
