package dev.evalbench.core.gate.ci;

import dev.evalbench.core.text.Millis;
import java.util.Locale;

/** The "against the baseline" table of the PR comment: whole-run numbers side by side with their change. */
final class BaselineDeltas {
    private BaselineDeltas() {}

    static void append(StringBuilder md, RunNumbers run, RunNumbers base) {
        md.append("### Against the baseline\n\n| | Run | Baseline | Δ |\n|---|---|---|---|\n");
        rate(md, "Cases passed", run.passed(), run.cases(), base.passed(), base.cases());
        rate(md, "Schema-valid outputs", run.schemaValid(), run.cases(), base.schemaValid(), base.cases());
        row(md, "Provider failures", Integer.toString(run.providerFailures()), Integer.toString(base.providerFailures()),
                String.format(Locale.ROOT, "%+d", run.providerFailures() - base.providerFailures()));
        row(md, "p95 latency", ms(run.p95LatencyMs()), ms(base.p95LatencyMs()),
                Double.isFinite(run.p95LatencyMs()) && Double.isFinite(base.p95LatencyMs())
                        ? Millis.signed(run.p95LatencyMs() - base.p95LatencyMs()) : VerdictFormat.NONE);
        row(md, "Tokens (in + out)", String.format(Locale.ROOT, "%,d", run.tokens()), String.format(Locale.ROOT, "%,d", base.tokens()),
                String.format(Locale.ROOT, "%+,d", run.tokens() - base.tokens()));
        row(md, "Cost", String.format(Locale.ROOT, "$%.4f", run.costUsd()), String.format(Locale.ROOT, "$%.4f", base.costUsd()),
                base.costUsd() == 0 ? VerdictFormat.NONE
                        : String.format(Locale.ROOT, "%+.1f%%", (run.costUsd() - base.costUsd()) / base.costUsd() * 100));
        md.append('\n');
    }

    private static void rate(StringBuilder md, String name, int k, int n, int baseK, int baseN) {
        double r = n == 0 ? Double.NaN : (double) k / n;
        double b = baseN == 0 ? Double.NaN : (double) baseK / baseN;
        row(md, name, fraction(k, n, r), fraction(baseK, baseN, b),
                Double.isFinite(r) && Double.isFinite(b) ? String.format(Locale.ROOT, "%+.1f pp", (r - b) * 100) : VerdictFormat.NONE);
    }

    private static String fraction(int k, int n, double rate) {
        return Double.isFinite(rate) ? String.format(Locale.ROOT, "%d/%d (%.1f%%)", k, n, rate * 100) : k + "/" + n;
    }

    private static String ms(double value) {
        return Double.isFinite(value) ? Millis.of(value) : VerdictFormat.NONE;
    }

    private static void row(StringBuilder md, String name, String run, String base, String delta) {
        md.append("| ").append(name).append(" | ").append(run).append(" | ").append(base).append(" | ").append(delta).append(" |\n");
    }
}
