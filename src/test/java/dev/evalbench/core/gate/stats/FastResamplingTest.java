package dev.evalbench.core.gate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's cheap resamplings (multinomial counts for proportions, one order statistic for a percentile,
 * one read per draw for means, kept high ranks for paired percentiles) give the intervals and p-values that
 * resampling case indices and computing the statistic on every resample gives ({@link Bootstrap#paired},
 * {@link Bootstrap#percentile}, the way every interval was computed before): both are Monte Carlo estimates of
 * the same bootstrap distribution, so with many resamples (10,000) their bounds agree to a small share of the interval's
 * width. Fixtures are made-up runs of the shapes a comparison meets. Their sizes do not change how closely the two
 * must agree (the tolerance is a share of the interval's width, which shrinks with n as the Monte Carlo error
 * does), so they are as small as keeps a percentile's interval many order statistics wide: 1,000 cases for
 * shares, means and totals, 2,000 for percentiles (an order statistic is then under 3% of the interval).
 */
class FastResamplingTest {
    private static final Bootstrap MANY = new Bootstrap(11, 10_000);

    @Test
    void aPairedProportionMatchesResamplingCases() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 1000;
        boolean[] before = new boolean[n];
        boolean[] after = new boolean[n];
        for (int i = 0; i < n; i++) {
            before[i] = r.nextDouble() < 0.82;
            // about 10% of passes turn into failures, 3% of failures into passes
            after[i] = before[i] ? r.nextDouble() > 0.10 : r.nextDouble() < 0.03;
        }
        Bootstrap.PairedDifference fast = MANY.pairedProportion(before, after, 0.95);
        Bootstrap.PairedDifference cases = MANY.paired(n, idx -> share(after, idx) - share(before, idx), 0.95);

        assertThat(fast.observed()).isCloseTo(cases.observed(), within(1e-12));
        assertSameInterval(fast.interval(), cases.interval());
        assertThat(fast.pValue()).isCloseTo(cases.pValue(), within(1e-3));
    }

    @Test
    void noChangeGivesAZeroIntervalAndPOfOne() {
        boolean[] same = {true, false, true, true};
        Bootstrap.PairedDifference d = Bootstrap.standard().pairedProportion(same, same.clone(), 0.95);
        assertThat(d.interval()).isEqualTo(new Interval(0, 0));
        assertThat(d.pValue()).isEqualTo(1.0);
        assertThat(d.observed()).isZero();
    }

    @Test
    void aPercentileByOrderStatisticMatchesResamplingValues() {
        double[] latencies = latencies(new SplittableRandom(2), 2000);
        Interval fast = MANY.percentileOfRank(latencies, 0.95, 0.95);
        Interval values = MANY.percentile(latencies, Percentiles::p95, 0.95);
        assertSameInterval(fast, values);
        assertThat(Bootstrap.standard().percentileOfRank(new double[] {300}, 0.95, 0.95)).isEqualTo(new Interval(300, 300));
    }

    @Test
    void sumsAndPairedMeansAndTotalsMatchResamplingValues() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 1000;
        double[] before = new double[n];
        double[] after = new double[n];
        for (int i = 0; i < n; i++) {
            before[i] = 900 + r.nextInt(600);
            after[i] = before[i] + r.nextInt(40) - 15;
        }
        assertSameInterval(MANY.percentileOfSum(before, 0.95), MANY.percentile(before, d -> java.util.Arrays.stream(d).sum(), 0.95));

        Bootstrap.PairedDifference fast = MANY.pairedMean(before, after, 0.95);
        Bootstrap.PairedDifference cases = MANY.paired(n, idx -> ResampledIndices.mean(after, idx) - ResampledIndices.mean(before, idx), 0.95);
        assertThat(fast.observed()).isCloseTo(cases.observed(), within(1e-9));
        assertSameInterval(fast.interval(), cases.interval());

        // a relative change of totals, as the cost and token gates resample it
        Bootstrap.PairedDifference totals = MANY.pairedSums(before, after, (base, run) -> (run - base) / base, 0.95);
        Bootstrap.PairedDifference totalsByCase = MANY.paired(n, idx -> (ResampledIndices.mean(after, idx) - ResampledIndices.mean(before, idx)) / ResampledIndices.mean(before, idx), 0.95);
        assertThat(totals.observed()).isCloseTo(totalsByCase.observed(), within(1e-12));
        assertSameInterval(totals.interval(), totalsByCase.interval());
        assertThat(totals.pValue()).isCloseTo(totalsByCase.pValue(), within(1e-3));
    }

    @Test
    void aPairedPercentileMatchesSelectingEveryResample() {
        double[][] runs = latenciesOfTwoRuns(4, 2000);
        double[] before = runs[0];
        double[] after = runs[1];
        int n = before.length;
        Bootstrap.PairedDifference fast = MANY.pairedPercentile(before, after, 0.95, 0.95);
        Bootstrap.PairedDifference cases = MANY.paired(n, idx -> p95Change(before, after, idx), 0.95);

        assertThat(fast.observed()).isEqualTo(cases.observed());
        assertSameInterval(fast.interval(), cases.interval());
        assertThat(fast.pValue()).isCloseTo(cases.pValue(), within(1e-3));
    }

    /**
     * A resample that draws too few high ranks draws the rest of its cases and is selected over all of them. With
     * the threshold at k itself, about half the resamples take that way (with the real margin, almost none do): the
     * interval is still the one resampling every case gives.
     */
    @Test
    void aPairedPercentileWhoseResamplesFallBackToSelectionMatchesSelectingEveryResample() {
        double[][] runs = latenciesOfTwoRuns(7, 2000);
        double[] before = runs[0];
        double[] after = runs[1];
        int n = before.length;
        double[] stats = resampledDifferences(new PairedRanks(before, after, 0.95, 0), 11, 10_000);
        java.util.Arrays.sort(stats);
        Interval fallingBack = new Interval(stats[249], stats[9749]);
        Bootstrap.PairedDifference cases = MANY.paired(n, idx -> p95Change(before, after, idx), 0.95);

        assertSameInterval(fallingBack, cases.interval());
    }

    /**
     * How many of a resample's draws land on the high ranks varies from resample to resample (a binomial), and
     * that variation is part of the spread: the resampled differences have the spread that drawing every case
     * gives, to the Monte Carlo error (about 1% here; drawing a fixed number of high ranks is 8% narrow).
     */
    @Test
    void pairedPercentileResamplesSpreadAsResamplingEveryCaseDoes() {
        double[][] runs = latenciesOfTwoRuns(8, 2000);
        double[] before = runs[0];
        double[] after = runs[1];
        int n = before.length;
        int resamples = 10_000;
        double[] fast = resampledDifferences(new PairedRanks(before, after, 0.95), 12, resamples);
        SplittableRandom caseDraws = new SplittableRandom(13);
        int[] idx = new int[n];
        double[] cases = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            UniformIndices.fill(caseDraws, idx, n);
            cases[b] = p95Change(before, after, idx);
        }
        assertThat(deviation(fast) / deviation(cases)).isCloseTo(1.0, within(0.04));
    }

    /** The change of the 95th percentile over the resampled cases {@code idx}, as resampling every case computes it. */
    private static double p95Change(double[] before, double[] after, int[] idx) {
        return Percentiles.p95(ResampledIndices.pick(after, idx)) - Percentiles.p95(ResampledIndices.pick(before, idx));
    }

    private static double[] resampledDifferences(PairedRanks ranks, long seed, int count) {
        SplittableRandom draws = new SplittableRandom(seed);
        double[] out = new double[count];
        for (int b = 0; b < count; b++) out[b] = ranks.resampledDifference(draws);
        return out;
    }

    private static double deviation(double[] values) {
        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
    }

    @Test
    void theCheapResamplingsAreDeterministic() {
        double[] before = latencies(new SplittableRandom(5), 500);
        double[] after = before.clone();
        after[3] += 400;
        Bootstrap a = Bootstrap.standard();
        Bootstrap b = Bootstrap.standard();
        assertThat(a.pairedPercentile(before, after, 0.95, 0.95)).isEqualTo(b.pairedPercentile(before, after, 0.95, 0.95));
        assertThat(a.pairedMean(before, after, 0.95)).isEqualTo(b.pairedMean(before, after, 0.95));
        assertThat(a.percentileOfRank(before, 0.95, 0.95)).isEqualTo(b.percentileOfRank(before, 0.95, 0.95));
    }

    @Test
    void binomialDrawsHaveTheBinomialsMeanAndVariance() {
        SplittableRandom r = new SplittableRandom(6);
        int draws = 40_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws; i++) {
            int x = BinomialDraw.draw(r, 10_000, 0.107);
            sum += x;
            squares += (double) x * x;
        }
        double mean = sum / draws;
        double variance = squares / draws - mean * mean;
        // n p = 1070, n p (1 - p) = 955.5; the standard error of the mean is 0.15, of the variance about 7
        assertThat(mean).isCloseTo(1070, within(0.8));
        assertThat(variance).isCloseTo(955.5, within(40.0));
        assertThat(BinomialDraw.draw(r, 0, 0.5)).isZero();
        assertThat(BinomialDraw.draw(r, 50, 0)).isZero();
        assertThat(BinomialDraw.draw(r, 50, 1)).isEqualTo(50);
    }

    /** Bounds agree to 5% of the interval's width: the Monte Carlo error of 10,000 resamples is about 1%. */
    private static void assertSameInterval(Interval fast, Interval reference) {
        double width = reference.high() - reference.low();
        assertThat(width).isPositive();
        assertThat(fast.low()).isCloseTo(reference.low(), within(0.05 * width));
        assertThat(fast.high()).isCloseTo(reference.high(), within(0.05 * width));
    }

    /** Two runs' latencies of n cases, the second with about 30% of the cases 40% slower. */
    private static double[][] latenciesOfTwoRuns(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] before = latencies(r, n);
        double[] after = new double[n];
        for (int i = 0; i < n; i++) after[i] = before[i] * (r.nextDouble() < 0.3 ? 1.4 : 1.0);
        return new double[][] {before, after};
    }

    private static double[] latencies(SplittableRandom r, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = Math.round(200 + 150 * -Math.log(1 - r.nextDouble()));
        return out;
    }

    private static double share(boolean[] values, int[] idx) {
        int k = 0;
        for (int i : idx) if (values[i]) k++;
        return (double) k / idx.length;
    }
}
