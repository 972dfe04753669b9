package dev.evalbench.core.report.html;

import dev.evalbench.core.compare.CaseChange;
import dev.evalbench.core.compare.MetricDelta;
import dev.evalbench.core.compare.MetricFormat;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.compare.TemplateDiff;
import dev.evalbench.core.compare.VersionChange;
import dev.evalbench.core.text.Counted;

/**
 * The comparison with the baseline: what changed in the version tuple (with the prompt template's text diff),
 * how many cases flipped, and the metric deltas with their paired tests. Pure.
 */
final class ChangesSection {
    private ChangesSection() {}

    static void write(HtmlWriter html, RunComparison c) {
        html.open("section", "id", "changes").element("h2", "What changed against the baseline");
        html.open("p").text("Baseline ").element("code", c.before().id()).text(" → this run ").element("code", c.after().id())
                .text(": " + c.versions().summary() + ". ")
                .text(c.count(CaseChange.Kind.PASS_TO_FAIL) + " pass → fail, " + c.count(CaseChange.Kind.FAIL_TO_PASS)
                        + " fail → pass, " + c.count(CaseChange.Kind.OUTPUT_CHANGED) + " other outputs changed, over "
                        + Counted.cases(c.matchedCases()) + " in both runs.").close("p");
        String scope = c.scope().sentence(c.before().id(), c.after().id());
        if (scope != null) html.element("p", Counted.capitalized(scope) + ".", "id", "compared-scope", "class", "meta");
        if (!c.versions().changes().isEmpty()) {
            html.open("div", "class", "wide").open("table").open("thead").open("tr").element("th", "part").element("th", "baseline").element("th", "this run")
                    .close("tr").close("thead").open("tbody");
            for (VersionChange v : c.versions().changes()) {
                html.open("tr").open("td").element("strong", v.component().label());
                if (!v.subject().isEmpty()) html.text(" " + v.subject());
                html.close("td").open("td").element("code", v.before()).close("td")
                        .open("td").element("code", v.after()).close("td").close("tr");
                // Which cases an eval set's change touched, under its hashes, across the row.
                if (!v.detail().isEmpty()) {
                    html.open("tr", "class", "change-detail").element("td", "").element("td", v.detail(), "colspan", "2")
                            .close("tr");
                }
            }
            html.close("tbody").close("table").close("div");
        }
        for (TemplateDiff t : c.templates()) {
            html.element("h3", t.heading() + (t.afterPath() == null ? "" : " (" + t.afterPath() + ")"));
            if (t.available()) DiffTable.write(html, t.diff(), "baseline", "this run");
            else html.element("p", t.unavailable(), "class", "meta");
        }
        metrics(html, c);
        html.close("section").newline();
    }

    private static void metrics(HtmlWriter html, RunComparison c) {
        if (c.metrics().isEmpty()) return;
        html.element("h3", "Metrics, paired over the cases both runs have");
        html.open("div", "class", "wide").open("table").open("thead").open("tr");
        html.element("th", "metric");
        for (String h : new String[] {"baseline", "this run", "Δ", "95% CI of Δ", "p-value"}) html.element("th", h, "class", "num");
        html.element("th", "test");
        html.close("tr").close("thead").open("tbody");
        for (MetricDelta m : c.metrics()) {
            html.open("tr").element("td", m.label())
                    .element("td", MetricFormat.value(m.before(), m.unit()), "class", "num")
                    .element("td", MetricFormat.value(m.after(), m.unit()), "class", "num")
                    .open("td", "class", "num").text(MetricFormat.delta(m.delta(), m.unit()));
            if (m.significant()) html.text(" ").element("span", "significant", "class", "badge neutral");
            html.close("td")
                    .element("td", MetricFormat.deltaInterval(m.deltaLow(), m.deltaHigh(), m.unit()), "class", "num")
                    .element("td", MetricFormat.pValue(m.pValue()), "class", "num")
                    .element("td", m.test() == null ? MetricFormat.NONE : m.test() + ", " + m.pairs() + " pairs")
                    .close("tr");
        }
        html.close("tbody").close("table").close("div");
    }
}
