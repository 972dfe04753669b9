package dev.evalbench.core.service;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.text.NearestNames;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a run's slice ({@code run --case}, {@code run --tag}) against the suites it runs, before anything is
 * written: every id it names must be a case's and every tag it names must be carried by a case, and together they
 * must choose at least one case. A mistyped id among several (`--case t001 --case t0002`) once ran the others and
 * dropped it without a word, the slice line naming it as if it had run. Linear in the suites' cases. Stateless.
 */
final class SliceCheck {
    /** Tags listed in a message at most; the rest are counted. */
    static final int TAGS_LISTED = 12;

    private SliceCheck() {}

    /**
     * @throws RequestException naming what chose nothing and what there is: field "caseIds" or "tags" (the config's
     *     own names) with the id or tag; "case" or "tag" without a value when each names a case but together none
     */
    static void check(Workspace ws, RunConfig config) throws RequestException {
        if (config.tags().isEmpty() && config.caseIds().isEmpty()) return;
        List<SuiteSpec> chosen = ws.suites().stream()
                .filter(s -> config.suites().isEmpty() || config.suites().contains(s.name())).toList();
        Set<String> ids = new HashSet<>();
        Set<String> tags = new TreeSet<>();
        for (SuiteSpec suite : chosen) {
            for (EvalCase c : suite.cases()) {
                ids.add(c.id());
                tags.addAll(c.tags());
            }
        }
        for (String id : config.caseIds()) {
            if (!ids.contains(id)) {
                throw new RequestException("caseIds", id, "no case of the suites to run has this id ("
                        + NearestNames.didYouMean(id, ids) + idRanges(chosen) + ")");
            }
        }
        for (String tag : config.tags()) {
            if (!tags.contains(tag)) {
                String near = NearestNames.didYouMean(tag, tags);
                throw new RequestException("tags", tag, "no case of the suites to run carries this tag ("
                        + (near.isEmpty() ? listed(tags) : near.strip()) + ")");
            }
        }
        boolean any = chosen.stream().flatMap(s -> s.cases().stream()).anyMatch(c -> config.selects(c.id(), c.tags()));
        if (!any) {
            throw new RequestException(config.caseIds().isEmpty() ? "tag" : "case", "no case matches"
                    + (config.tags().isEmpty() ? "" : " tag " + String.join(", ", config.tags()))
                    + (config.caseIds().isEmpty() ? "" : " id " + String.join(", ", config.caseIds()))
                    + " in the suites to run");
        }
    }

    /** "suite triage: t001 … t127; suite safety: p01 … p32": each suite's first and last id, in dataset order. */
    static String idRanges(List<SuiteSpec> suites) {
        String ranges = suites.stream().filter(s -> !s.cases().isEmpty()).map(s -> {
            List<EvalCase> cases = s.cases();
            String first = cases.get(0).id();
            String last = cases.get(cases.size() - 1).id();
            return "suite " + s.name() + ": " + (cases.size() == 1 ? first : first + " … " + last);
        }).collect(Collectors.joining("; "));
        return ranges.isEmpty() ? "the suites to run have no cases" : ranges;
    }

    private static String listed(Set<String> tags) {
        if (tags.isEmpty()) return "no case of them carries a tag";
        String shown = tags.stream().limit(TAGS_LISTED).collect(Collectors.joining(", "));
        return "tags: " + shown + (tags.size() > TAGS_LISTED ? " and " + (tags.size() - TAGS_LISTED) + " more" : "");
    }
}
