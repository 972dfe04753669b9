package dev.evalbench.core.record;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run chose of its workspace's cases, in words: a run of some suites, case ids or tags ({@code run --suite},
 * {@code --case}, {@code --tag}, the window's "Rerun failing") is judged on those cases alone, and whoever reads its
 * gates (the terminal, the CI summary, the report a reviewer is handed) must see that it is not the whole eval set:
 * a green slice of cases that passed proves nothing about the others. Pure.
 */
public final class RunSlice {
    private RunSlice() {}

    /** "suite triage", "suites triage, safety; cases t001, t002", "every case". */
    public static String chose(RunConfig config) {
        if (config == null || config.coversAll()) return "every case";
        List<String> parts = new ArrayList<>();
        if (!config.suites().isEmpty()) parts.add(named("suite", config.suites()));
        if (!config.caseIds().isEmpty()) parts.add(named("case", config.caseIds()));
        if (!config.tags().isEmpty()) parts.add(named("tag", config.tags()));
        return String.join("; ", parts);
    }

    /**
     * "this run chose only some cases (suite triage; cases t019, t031): its gates judge those alone, not the whole
     * eval set"; empty for a run of every case.
     */
    public static String sentence(RunConfig config) {
        if (config == null || config.coversAll()) return "";
        return "this run chose only some cases (" + chose(config) + "): its gates judge those alone, not the whole eval set";
    }

    /** "suite triage", "cases t001, t002", or the first five and how many more. */
    private static String named(String noun, List<String> names) {
        String listed = String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
        return (names.size() == 1 ? noun : noun + "s") + " " + listed;
    }
}
