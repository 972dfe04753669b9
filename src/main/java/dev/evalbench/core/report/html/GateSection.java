package dev.evalbench.core.report.html;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.gate.ci.VerdictFormat;

/**
 * The gates table: each gate's verdict, measured value, threshold, 95% interval, baseline value and the
 * p-value of its paired test, with the gate's one-sentence detail under it (of a run the model answered no case of,
 * why its gates measured nothing is said once above the table). Numbers read as in every other
 * view ({@link VerdictFormat}). Pure.
 */
final class GateSection {
    private GateSection() {}

    /**
     * @param unanswered the gates that measured an outage (of the run, or of a route that answered none of its
     *                   cases): each reads "no answer" ({@link VerdictCells})
     */
    static void write(HtmlWriter html, GateReport gates, dev.evalbench.core.gate.ci.UnansweredGates unanswered) {
        html.open("section", "id", "gates").element("h2", "Gates");
        // Said once, as report.md says it: under each of the run's gates it read the same sentence nine times.
        if (unanswered.wholeRun()) html.element("p", VerdictCells.NOT_MEASURED_IN_AN_OUTAGE, "class", "outage-gates");
        html.open("div", "class", "wide").open("table", "class", "gates").open("thead").open("tr");
        for (String h : new String[] {"", "gate", "kind"}) html.element("th", h);
        for (String h : new String[] {"value", "threshold", "95% interval", "baseline", "p-value"}) html.element("th", h, "class", "num");
        html.close("tr").close("thead").open("tbody");
        for (GateVerdict v : gates.verdicts()) {
            VerdictCells cells = unanswered.cells(v);
            // A row is shaded as failed only when the gate measured the model and failed; an outage's is not.
            String row = cells.failedWhenMeasured() ? "failed" : "passed";
            html.open("tr", "class", row);
            html.open("td").element("span", cells.word(),
                    "class", !cells.measured() ? "badge neutral" : v.passed() ? "badge pass" : "badge fail").close("td");
            html.open("td").element("strong", v.id());
            if (v.suite() != null) html.text(" (" + v.suite() + ")");
            html.close("td");
            html.element("td", v.kind() + (v.mode() == null ? "" : ", " + v.mode()));
            html.element("td", cells.value(), "class", "num");
            // How the threshold was found, under it and wrapped: on one line it made the table wider than the page.
            // It wraps between its parts ("min 0.850;" and "baseline 0.921 − 0.020"), never inside a sum.
            html.open("td", "class", "num").text(VerdictFormat.thresholdBound(v));
            if (v.bound() != null && Double.isFinite(v.threshold())) {
                html.element("span", "(" + v.bound().replace(" − ", "\u00a0−\u00a0").replace(" + ", "\u00a0+\u00a0") + ")", "class", "bound");
            }
            html.close("td");
            html.element("td", cells.interval(), "class", "num");
            html.element("td", VerdictFormat.baseline(v), "class", "num");
            html.element("td", cells.pValue(), "class", "num");
            html.close("tr");
            if (unanswered.wholeRun() && cells.unanswered()) {
                html.newline();
                continue;
            }
            html.open("tr", "class", row).open("td").close("td")
                    .element("td", cells.sentence(), "class", "detail", "colspan", "7").close("tr").newline();
        }
        html.close("tbody").close("table").close("div");
        if (gates.verdicts().stream().anyMatch(VerdictFormat::intervalOfDifference)) {
            html.element("p", "Δ intervals are of the paired change against the baseline on matched cases.", "class", "meta");
        }
        html.close("section").newline();
    }
}
