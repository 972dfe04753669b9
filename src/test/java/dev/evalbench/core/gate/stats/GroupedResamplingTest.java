package dev.evalbench.core.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Data that take few distinct values are resampled by the count of draws of each value ({@link CaseGroups}): the
 * intervals and p-values must be those of resampling case indices and computing the statistic on every resample,
 * as {@link FastResamplingTest} holds the other cheap resamplings to (bounds within 5% of the interval's width
 * with 10,000 resamples). Fixtures are shaped like a comparison of two runs of a templated prompt: token changes
 * of 0 or 2, a few dozen distinct costs and latencies, each value shared by many cases.
 */
class GroupedResamplingTest {
    private static final Bootstrap MANY = new Bootstrap(11, 10_000);
    /** Enough cases for 50 groups of 32 (the percentile fixture has 46 pairs of values), no more: see FastResamplingTest. */
    private static final int N = 1600;

    @Test
    void aPairedMeanOfFewDistinctChangesMatchesResamplingCases() {
        SplittableRandom r = new SplittableRandom(21);
        double[] before = new double[N];
        double[] after = new double[N];
        for (int i = 0; i < N; i++) {
            before[i] = 1100 + 10 * r.nextInt(8);
            after[i] = before[i] + (r.nextDouble() < 0.06 ? 2 : 0) - (r.nextDouble() < 0.02 ? 1 : 0);
        }
        assertThat(grouped(after, before)).as("the changes take three values, so counts are drawn").isTrue();

        Bootstrap.PairedDifference fast = MANY.pairedMean(before, after, 0.95);
        Bootstrap.PairedDifference cases = MANY.paired(N, idx -> ResampledIndices.mean(after, idx) - ResampledIndices.mean(before, idx), 0.95);
        assertThat(fast.observed()).isCloseTo(cases.observed(), within(1e-12));
        assertSameInterval(fast.interval(), cases.interval());
        assertSamePValue(fast.pValue(), cases.pValue());
    }

    @Test
    void aSumAndARelativeChangeOfTotalsOfFewDistinctValuesMatchResamplingCases() {
        SplittableRandom r = new SplittableRandom(22);
        double[] before = new double[N];
        double[] after = new double[N];
        for (int i = 0; i < N; i++) {
            int template = r.nextInt(20);
            before[i] = 0.00015 + template * 0.000001;
            // a tenth of the cases got longer answers, priced higher
            after[i] = before[i] * (r.nextDouble() < 0.1 ? 1.3 : 1.0);
        }
        assertThat(CaseGroups.of(Bootstrap.maxGroups(N), before, after)).isNotNull();
        assertSameInterval(MANY.percentileOfSum(before, 0.95), MANY.percentile(before, d -> Arrays.stream(d).sum(), 0.95));

        Bootstrap.PairedDifference totals = MANY.pairedSums(before, after, (base, run) -> (run - base) / base, 0.95);
        Bootstrap.PairedDifference byCase = MANY.paired(N, idx -> (ResampledIndices.mean(after, idx) - ResampledIndices.mean(before, idx)) / ResampledIndices.mean(before, idx), 0.95);
        assertThat(totals.observed()).isCloseTo(byCase.observed(), within(1e-12));
        assertSameInterval(totals.interval(), byCase.interval());
        assertSamePValue(totals.pValue(), byCase.pValue());
    }

    @Test
    void aPairedPercentileOfFewDistinctLatenciesMatchesSelectingEveryResample() {
        SplittableRandom r = new SplittableRandom(23);
        double[] before = new double[N];
        double[] after = new double[N];
        for (int i = 0; i < N; i++) {
            before[i] = 50 * (4 + Math.min(22, (int) (-4 * Math.log(1 - r.nextDouble()))));
            after[i] = r.nextDouble() < 0.6 ? before[i] + 100 : before[i];
        }
        assertThat(CaseGroups.of(Bootstrap.maxGroups(N), before, after)).isNotNull();
        Bootstrap.PairedDifference fast = MANY.pairedPercentile(before, after, 0.95, 0.95);
        Bootstrap.PairedDifference cases = MANY.paired(N,
                idx -> Percentiles.p95(ResampledIndices.pick(after, idx)) - Percentiles.p95(ResampledIndices.pick(before, idx)), 0.95);
        assertThat(fast.observed()).isEqualTo(cases.observed());
        assertSameInterval(fast.interval(), cases.interval());
        assertSamePValue(fast.pValue(), cases.pValue());
    }

    @Test
    void groupedResamplingsAreDeterministic() {
        double[] before = new double[N];
        double[] after = new double[N];
        for (int i = 0; i < N; i++) {
            before[i] = 300 + 50 * (i % 7);
            after[i] = before[i] + (i % 13 == 0 ? 50 : 0);
        }
        Bootstrap a = Bootstrap.standard();
        Bootstrap b = Bootstrap.standard();
        assertThat(a.pairedMean(before, after, 0.95)).isEqualTo(b.pairedMean(before, after, 0.95));
        assertThat(a.pairedPercentile(before, after, 0.95, 0.95)).isEqualTo(b.pairedPercentile(before, after, 0.95, 0.95));
        assertThat(a.pairedSums(before, after, (x, y) -> y - x, 0.95)).isEqualTo(b.pairedSums(before, after, (x, y) -> y - x, 0.95));
        assertThat(a.percentileOfSum(before, 0.95)).isEqualTo(b.percentileOfSum(before, 0.95));
    }

    @Test
    void aResampleDrawsEveryCaseOnceAndItsStatisticsAreThoseOfTheDrawnCases() {
        double[] latency = new double[500];
        for (int i = 0; i < latency.length; i++) latency[i] = 100 * (1 + i % 5) + (i % 2 == 0 ? 0 : 1000);
        CaseGroups groups = CaseGroups.of(20, latency);
        assertThat(groups.size()).isEqualTo(10);
        int[] order = groups.orderBy(0);
        SplittableRandom random = new SplittableRandom(5);
        for (int resample = 0; resample < 50; resample++) {
            int[] drawn = groups.resample(random);
            assertThat(Arrays.stream(drawn).sum()).isEqualTo(latency.length);
            // the resample written out case by case: each group's value as often as it was drawn
            double[] cases = new double[latency.length];
            int at = 0;
            for (int g = 0; g < drawn.length; g++) {
                for (int c = 0; c < drawn[g]; c++) cases[at++] = groups.value(0, g);
            }
            assertThat(groups.sum(0, drawn)).isCloseTo(Arrays.stream(cases).sum(), within(1e-6));
            for (double fraction : new double[] {0.01, 0.5, 0.95, 1.0}) {
                assertThat(groups.nearestRank(0, order, Percentiles.rankIndex(cases.length, fraction), drawn))
                        .isEqualTo(Percentiles.nearestRank(cases, fraction));
            }
        }
    }

    @Test
    void binomialDrawsFromATableOfLogFactorialsAreTheSaddlePointDraws() {
        double[] logFactorial = BinomialDraw.logFactorials(10_000);
        assertThat(logFactorial[10]).isCloseTo(Math.log(3_628_800), within(1e-12));
        for (double p : new double[] {0.0068, 0.107, 0.5, 0.93}) {
            SplittableRandom bySaddlePoint = new SplittableRandom(8);
            SplittableRandom byTable = new SplittableRandom(8);
            for (int i = 0; i < 5000; i++) {
                int n = 10_000 - i;
                assertThat(BinomialDraw.draw(byTable, n, p, Math.log(p), Math.log1p(-p), logFactorial))
                        .as("draw %d of Binomial(%d, %s)", i, n, p).isEqualTo(BinomialDraw.draw(bySaddlePoint, n, p));
            }
        }
    }

    @Test
    void dataWithTooManyDistinctValuesAreNotGrouped() {
        double[] values = new double[1000];
        Arrays.setAll(values, i -> i % 16);
        assertThat(CaseGroups.of(16, values)).isNotNull();
        assertThat(CaseGroups.of(15, values)).isNull();
        // pairs group by both values: 16 × 2 combinations
        double[] other = new double[1000];
        Arrays.setAll(other, i -> i % 32 < 16 ? 0 : 1);
        assertThat(CaseGroups.of(32, values, other).size()).isEqualTo(32);
    }

    private static boolean grouped(double[] after, double[] before) {
        double[] change = new double[after.length];
        for (int i = 0; i < change.length; i++) change[i] = after[i] - before[i];
        return CaseGroups.of(Bootstrap.maxGroups(change.length), change) != null;
    }

    /** Bounds agree to 5% of the interval's width: the Monte Carlo error of 10,000 resamples is about 1%. */
    private static void assertSameInterval(Interval fast, Interval reference) {
        double width = reference.high() - reference.low();
        assertThat(width).isPositive();
        assertThat(fast.low()).isCloseTo(reference.low(), within(0.05 * width));
        assertThat(fast.high()).isCloseTo(reference.high(), within(0.05 * width));
    }

    /**
     * P-values agree within four of their Monte Carlo standard errors: a p-value is twice a tail share t
     * estimated from 10,000 resamples, so its error is 2·sqrt(t(1 − t) / 10,000), at least that of t = 1/10,000.
     */
    private static void assertSamePValue(double fast, double reference) {
        double tail = Math.max(reference / 2, 1e-4);
        assertThat(fast).isCloseTo(reference, within(4 * 2 * Math.sqrt(tail * (1 - tail) / 10_000)));
    }
}
