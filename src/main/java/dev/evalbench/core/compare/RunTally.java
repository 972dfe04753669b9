package dev.evalbench.core.compare;

import dev.evalbench.core.record.ScoredCase;
import java.util.List;

/** How many cases a compared run holds and how many of them passed: its line in a comparison's header. */
public record RunTally(int cases, long passed) {
    public static RunTally of(List<? extends ScoredCase> cases) {
        return new RunTally(cases.size(), cases.stream().filter(ScoredCase::passed).count());
    }
}
