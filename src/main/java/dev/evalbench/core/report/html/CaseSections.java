package dev.evalbench.core.report.html;

import dev.evalbench.core.compare.CaseChange;
import dev.evalbench.core.compare.OutputText;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.StoredRun;
import java.util.List;

/**
 * The case-level parts of the page: the flipped cases (pass → fail first) with a side-by-side diff of their
 * outputs, and the run's failing cases with their reasons, decision and full output, folded. At most
 * {@link #MAX_CASES} of each, so a large run still gives a page a browser opens. All text escaped. Pure.
 */
final class CaseSections {
    static final int MAX_CASES = 200;

    private CaseSections() {}

    static void writeFlips(HtmlWriter html, RunComparison c) {
        List<CaseChange> flips = c.flips();
        html.open("section", "id", "flips").element("h2", "Flipped cases (" + flips.size() + ")");
        if (flips.isEmpty()) html.element("p", "No case changed its verdict.", "class", "meta");
        for (CaseChange change : flips.subList(0, Math.min(MAX_CASES, flips.size()))) {
            boolean regression = change.kind() == CaseChange.Kind.PASS_TO_FAIL;
            html.open("article", "class", "case").open("header")
                    .element("span", change.kind().label(), "class", regression ? "badge fail" : "badge pass")
                    .element("code", change.key())
                    .element("span", decision(change.before()) + " → " + decision(change.after()), "class", "meta")
                    .close("header");
            CaseRecord now = change.after();
            List<String> failures = now.evaluation() == null ? List.of() : now.evaluation().failures();
            if (!failures.isEmpty()) html.element("div", "Now failing: " + String.join(" ", failures), "class", "why");
            DiffTable.write(html, change.diff(), "baseline output", "this run's output");
            html.close("article").newline();
        }
        more(html, flips.size());
        html.close("section").newline();
    }

    static void writeFailures(HtmlWriter html, StoredRun run) {
        List<CaseRecord> failing = run.cases().stream().filter(r -> !r.passed()).toList();
        html.open("section", "id", "failing").element("h2", "Failing cases of this run (" + failing.size() + ")");
        if (failing.isEmpty()) html.element("p", "Every case passed.", "class", "meta");
        else {
            html.open("table", "class", "cases").open("thead").open("tr").element("th", "case").element("th", "why")
                    .element("th", "decision").element("th", "output").close("tr").close("thead").open("tbody");
            for (CaseRecord r : failing.subList(0, Math.min(MAX_CASES, failing.size()))) {
                List<String> failures = r.evaluation() == null ? List.of() : r.evaluation().failures();
                html.open("tr").open("td").element("code", r.key().suite() + "/" + r.key().caseId()
                                + (r.key().sample() > 0 ? "#" + r.key().sample() : "")).close("td")
                        .element("td", String.join(" ", failures))
                        .element("td", decision(r))
                        .open("td").open("details").element("summary", "show output")
                        .element("pre", OutputText.of(r)).close("details").close("td").close("tr").newline();
            }
            html.close("tbody").close("table");
            more(html, failing.size());
        }
        html.close("section").newline();
    }

    private static void more(HtmlWriter html, int total) {
        if (total > MAX_CASES) {
            html.element("p", (total - MAX_CASES) + " more not shown here; report.json has every case.", "class", "meta");
        }
    }

    private static String decision(CaseRecord r) {
        if (r.decision() == null) return "no decision";
        return r.decision().finalAction() + (r.decision().accepted() ? " (accepted)" : " (rejected: " + r.decision().rule() + ")");
    }
}
