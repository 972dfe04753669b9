package dev.evalbench.core.report.html;

import dev.evalbench.core.compare.MetricFormat;
import dev.evalbench.core.report.model.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's numbers at a glance (cards), per-suite pass rates with their intervals as an SVG bar chart, and the
 * latency distribution as an SVG histogram; the baseline is drawn beside the run when there is one. Pure.
 */
final class SummarySection {
    private SummarySection() {}

    /** @param baseline the baseline's summary, or null */
    static void write(HtmlWriter html, RunSummary run, RunSummary baseline) {
        html.open("section", "id", "summary").element("h2", "Run at a glance");
        html.open("div", "class", "cards");
        card(html, "cases passed", MetricFormat.value(run.passed().value(), "rate"),
                run.passed().successes() + " of " + run.passed().trials() + ", 95% CI "
                        + MetricFormat.interval(run.passed().low(), run.passed().high(), "rate"));
        card(html, "schema-valid", MetricFormat.value(run.schemaValid().value(), "rate"),
                run.schemaValid().successes() + " of " + run.schemaValid().trials());
        card(html, "p95 latency", MetricFormat.value(run.p95LatencyMs(), "ms"),
                "mean " + MetricFormat.value(run.meanLatencyMs(), "ms"));
        card(html, "tokens", String.format(Locale.ROOT, "%,d", run.tokensIn() + run.tokensOut()),
                String.format(Locale.ROOT, "%,d in, %,d out", run.tokensIn(), run.tokensOut())
                        + (run.reasoningTokens() > 0 ? String.format(Locale.ROOT, " (%,d reasoning)", run.reasoningTokens()) : "")
                        + (run.estimatedTokenCases() > 0 ? "; " + run.tokenEstimateNote() : ""));
        card(html, run.estimatedTokenCases() > 0 ? "cost (partly estimated)" : "cost",
                String.format(Locale.ROOT, "$%.4f", run.costUsd()),
                run.providerFailures() + " provider failures");
        html.close("div");

        html.open("div", "class", "charts");
        html.open("figure").element("figcaption", "Pass rate per suite: bars are the rate, whiskers its 95% interval"
                + (baseline == null ? "." : ", dashed ticks the baseline's rate."));
        html.markup(PassRateBars.render(bars(run, baseline))).close("figure");
        html.open("figure").open("figcaption").text("Latency distribution of answered cases")
                .open("span", "class", "legend").open("span", "class", "run").close("span").text("this run");
        if (baseline != null) html.open("span", "class", "base").close("span").text("baseline");
        html.close("span").close("figcaption");
        if (run.latencies().isEmpty()) {
            html.element("p", "No case of this run was answered: there is no latency to show.", "class", "empty");
        } else {
            html.markup(LatencyHistogram.render(toArray(run.latencies()),
                    baseline == null ? null : toArray(baseline.latencies()), run.p95LatencyMs()));
        }
        html.close("figure").close("div").close("section").newline();
    }

    private static List<PassRateBars.Bar> bars(RunSummary run, RunSummary baseline) {
        List<PassRateBars.Bar> bars = new ArrayList<>();
        bars.add(bar(run.passed(), baseline == null ? null : baseline.passed()));
        for (RunSummary.Rate suite : run.suites()) {
            bars.add(bar(suite, baseline == null ? null : baseline.suite(suite.label())));
        }
        return bars;
    }

    private static PassRateBars.Bar bar(RunSummary.Rate rate, RunSummary.Rate base) {
        return new PassRateBars.Bar(rate.label(), rate.value(), rate.trials() == 0 ? null : rate.low(),
                rate.trials() == 0 ? null : rate.high(), base == null ? null : base.value());
    }

    private static void card(HtmlWriter html, String label, String value, String sub) {
        html.open("div", "class", "card").element("div", label, "class", "label").element("div", value, "class", "value")
                .element("div", sub, "class", "sub").close("div");
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
