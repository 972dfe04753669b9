package dev.evalbench.core.service;

import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.report.model.LatencyBins;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's latency distribution beside its baseline's, as the workbench's chart draws it: both counted the way
 * the gates count latency (a provider failure keeps its latency unless it has none) and binned alike, with a
 * round bin width (1, 2 or 5 times a power of ten ms, as report.html's histogram: {@link LatencyBins}) chosen for
 * about {@value #TARGET_BINS} bins over the range both span. Read from case summaries only. Immutable.
 *
 * @param binWidthMs the width of every bin
 * @param bins       from the one holding the smallest latency to the one holding the largest
 * @param runCases   cases of the run counted
 * @param baseCases  cases of the baseline counted (0 when there is no baseline)
 */
public record LatencyDistribution(long binWidthMs, List<Bin> bins, int runCases, int baseCases) {
    static final int TARGET_BINS = 20;

    /** {@code [lowMs, lowMs + width)}: how many cases of the run and of the baseline took that long. */
    public record Bin(long lowMs, long highMs, int run, int baseline) {
        public String label() {
            return lowMs + "–" + highMs;
        }
    }

    public LatencyDistribution {
        bins = List.copyOf(bins);
    }

    /**
     * Whether the two runs are drawn as shares of their cases rather than counts: when there is a baseline of another
     * size. A rerun of 27 failing cases beside a 159-case baseline drew bars a sixth as tall, a shape nobody can set
     * beside the other; as shares, each run's bars sum to 100%.
     */
    public boolean asShares() {
        return baseCases > 0 && baseCases != runCases;
    }

    /** The bin's height for the run: its count, or its percentage of the run's cases when {@link #asShares}. */
    public double runHeight(Bin bin) {
        return asShares() ? 100.0 * bin.run() / Math.max(1, runCases) : bin.run();
    }

    /** The bin's height for the baseline, as {@link #runHeight} for the run. */
    public double baselineHeight(Bin bin) {
        return asShares() ? 100.0 * bin.baseline() / baseCases : bin.baseline();
    }

    /** @param baseline null for none */
    public static LatencyDistribution of(List<CaseSummary> run, List<CaseSummary> baseline) {
        long[] a = counted(run);
        long[] b = baseline == null ? new long[0] : counted(baseline);
        LatencyBins binned = LatencyBins.of(a, b, TARGET_BINS);
        List<Bin> bins = new ArrayList<>(binned.count());
        for (int i = 0; i < binned.count(); i++) {
            bins.add(new Bin(binned.lowMs(i), binned.lowMs(i + 1), binned.run()[i], binned.baseline()[i]));
        }
        return new LatencyDistribution(binned.widthMs(), bins, a.length, b.length);
    }

    /** The latencies the gates count: answered cases, and failures that took measurable time. */
    static long[] counted(List<CaseSummary> cases) {
        return cases.stream().filter(s -> s.failureKind() == null || s.latencyMs() > 0).mapToLong(CaseSummary::latencyMs).toArray();
    }
}
