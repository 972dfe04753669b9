package dev.evalbench.core.report.html;

import dev.evalbench.core.compare.CaseChange;
import dev.evalbench.core.compare.OutputText;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.report.model.ClippedText;
import dev.evalbench.core.report.model.ReportedRun;
import java.util.List;

/**
 * The case-level parts of the page: the flipped cases (pass → fail first), each with its input and a
 * side-by-side diff of its outputs, and the run's failing cases with their reasons, decision, input and
 * output. The first {@link #OPEN_CASES} of each list are shown; the rest, and every diff longer than
 * {@link #LONG_DIFF} rows, are folded ({@code <details>}), so a reviewer sees the list's head at once. At most
 * {@link #MAX_CASES} of each, so a large run still gives a page a browser opens. All text escaped. Pure.
 */
final class CaseSections {
    static final int MAX_CASES = ReportedRun.FAILING_KEPT;
    static final int OPEN_CASES = 20;
    static final int LONG_DIFF = 40;

    private CaseSections() {}

    static void writeFlips(HtmlWriter html, RunComparison c) {
        List<CaseChange> flips = c.flips();
        List<CaseChange> shown = flips.subList(0, Math.min(MAX_CASES, flips.size()));
        html.open("section", "id", "flips").element("h2", "Flipped cases (" + flips.size() + ")");
        if (flips.isEmpty()) html.element("p", "No case changed its verdict.", "class", "meta");
        for (int i = 0; i < shown.size(); i++) {
            if (i == OPEN_CASES) {
                html.open("details", "class", "more").element("summary", (shown.size() - OPEN_CASES) + " more flipped cases");
            }
            flip(html, shown.get(i));
        }
        if (shown.size() > OPEN_CASES) html.close("details");
        more(html, flips.size());
        html.close("section").newline();
    }

    private static void flip(HtmlWriter html, CaseChange change) {
        boolean regression = change.kind() == CaseChange.Kind.PASS_TO_FAIL;
        html.open("article", "class", "case").open("header")
                .element("span", change.kind().label(), "class", regression ? "badge fail" : "badge pass")
                .element("code", change.key())
                .element("span", decision(change.before()) + " → " + decision(change.after()), "class", "meta")
                .close("header");
        CaseRecord now = change.after();
        List<String> failures = now.evaluation() == null ? List.of() : now.evaluation().failures();
        if (!failures.isEmpty()) html.element("div", "Now failing: " + String.join(" ", failures), "class", "why");
        if (change.flippedWithSameOutput()) html.element("div", change.sameOutputSentence(), "class", "why");
        CaseInput.write(html, now);
        int rows = change.diff().rows().size();
        if (rows > LONG_DIFF) html.open("details").element("summary", "diff of the outputs (" + rows + " lines)");
        DiffTable.write(html, change.diff(), "baseline output", "this run's output");
        if (rows > LONG_DIFF) html.close("details");
        html.close("article").newline();
    }

    static void writeFailures(HtmlWriter html, ReportedRun run) {
        List<CaseRecord> shown = run.failingShown().subList(0, Math.min(MAX_CASES, run.failingShown().size()));
        html.open("section", "id", "failing").element("h2", "Failing cases of this run (" + run.failing() + ")");
        if (run.failing() == 0) html.element("p", "Every case passed.", "class", "meta");
        else {
            failureTable(html, shown.subList(0, Math.min(OPEN_CASES, shown.size())));
            if (shown.size() > OPEN_CASES) {
                html.open("details", "class", "more").element("summary", (shown.size() - OPEN_CASES) + " more failing cases");
                failureTable(html, shown.subList(OPEN_CASES, shown.size()));
                html.close("details");
            }
            more(html, run.failing());
        }
        html.close("section").newline();
    }

    private static void failureTable(HtmlWriter html, List<CaseRecord> rows) {
        html.open("div", "class", "wide").open("table", "class", "cases").open("thead").open("tr").element("th", "case").element("th", "why")
                .element("th", "decision").element("th", "input and output").close("tr").close("thead").open("tbody");
        for (CaseRecord r : rows) {
            List<String> failures = r.evaluation() == null ? List.of() : r.evaluation().failures();
            html.open("tr").open("td").element("code", r.key().suite() + "/" + r.key().caseId()
                            + (r.key().sample() > 0 ? "#" + r.key().sample() : "")).close("td")
                    .element("td", String.join(" ", failures))
                    .element("td", decision(r))
                    .open("td");
            CaseInput.write(html, r);
            html.open("details").element("summary", "show output").element("pre", ClippedText.of(OutputText.of(r))).close("details")
                    .close("td").close("tr").newline();
        }
        html.close("tbody").close("table").close("div");
    }

    private static void more(HtmlWriter html, int total) {
        if (total > MAX_CASES) {
            html.element("p", (total - MAX_CASES) + " more not shown here; report.json has every case.", "class", "meta");
        }
    }

    private static String decision(CaseRecord r) {
        return dev.evalbench.core.record.DecisionWords.of(r.decision());
    }
}
