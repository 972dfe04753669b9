package dev.evalbench.core.compare;

import dev.evalbench.core.record.CaseAlignment;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CasePair;
import dev.evalbench.core.record.CaseRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the cases that differ between two runs, ordered pass → fail, then fail → pass, then other output
 * changes, then cases in one run only; within a kind, in the order {@code place} gives (the workspace's), then
 * in {@link dev.evalbench.core.record.CaseKey#ORDER}. Pure.
 */
final class CaseChanges {
    private CaseChanges() {}

    static List<CaseChange> between(List<CaseRecord> before, List<CaseRecord> after,
                                    java.util.function.ToIntFunction<CaseKey> place) {
        List<CaseChange> changes = new ArrayList<>();
        for (CasePair<CaseRecord> pair : SummaryComparison.inOrder(CaseAlignment.align(before, after), place)) {
            CaseChange change = classify(pair);
            if (change != null) changes.add(change);
        }
        // stable sort: keeps the alignment order within each kind
        changes.sort(Comparator.comparing(CaseChange::kind));
        return List.copyOf(changes);
    }

    private static CaseChange classify(CasePair<CaseRecord> pair) {
        if (pair.before() == null) {
            return new CaseChange(CaseChange.Kind.ONLY_AFTER, pair.key(), null, pair.after(), null);
        }
        if (pair.after() == null) {
            return new CaseChange(CaseChange.Kind.ONLY_BEFORE, pair.key(), pair.before(), null, null);
        }
        OutputDiff diff = OutputDiff.between(OutputText.of(pair.before()), OutputText.of(pair.after()));
        if (pair.flippedToFail()) return new CaseChange(CaseChange.Kind.PASS_TO_FAIL, pair.key(), pair.before(), pair.after(), diff);
        if (pair.flippedToPass()) return new CaseChange(CaseChange.Kind.FAIL_TO_PASS, pair.key(), pair.before(), pair.after(), diff);
        if (diff.changed()) return new CaseChange(CaseChange.Kind.OUTPUT_CHANGED, pair.key(), pair.before(), pair.after(), diff);
        return null;
    }
}
