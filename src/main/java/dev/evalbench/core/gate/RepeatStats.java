package dev.evalbench.core.gate;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.ScoredCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consistency of a run with several samples per case ({@code --repeat K}). Records group by case (suite,
 * case id, prompt and route: everything but the sample). pass^k of a case is 1 when all its samples passed:
 * the chance that k independent tries all succeed, estimated by the run itself. A case is flaky when some
 * but not all of its samples passed: the prompt or model is not deciding it the same way twice. Immutable.
 *
 * @param cases in the order their first sample was stored
 */
public record RepeatStats(List<CaseRepeat> cases) {

    /** One case across its samples. */
    public record CaseRepeat(String suite, String caseId, String promptId, String route, int samples, int passes) {
        public boolean allPassed() {
            return passes == samples;
        }

        public boolean flaky() {
            return passes > 0 && passes < samples;
        }
    }

    /** No case with more than one sample (what {@link #of} gives for records without repeats, as a table reads it). */
    public static final RepeatStats NONE = new RepeatStats(List.of());

    /**
     * Whether some case of these records may have several samples: some record is a sample after the first.
     * Records of one run have unique keys (the history refuses a second record of a key), so without one every
     * case has a single sample and {@link #of} would report one sample per case: grouping 100,000 records to
     * learn that was a tenth of a gate's time.
     */
    public static boolean hasRepeats(List<? extends ScoredCase> records) {
        for (ScoredCase r : records) {
            if (r.key().sample() > 0) return true;
        }
        return false;
    }

    public static RepeatStats of(List<? extends ScoredCase> records) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, CaseKey> keys = new LinkedHashMap<>();
        for (ScoredCase r : records) {
            CaseKey k = r.key();
            String group = k.suite() + "/" + k.caseId() + "/" + k.promptId() + "@" + k.route();
            keys.putIfAbsent(group, k);
            int[] c = counts.computeIfAbsent(group, g -> new int[2]);
            c[0]++;
            c[1] += r.passed() ? 1 : 0;
        }
        List<CaseRepeat> cases = new ArrayList<>();
        counts.forEach((group, c) -> {
            CaseKey k = keys.get(group);
            cases.add(new CaseRepeat(k.suite(), k.caseId(), k.promptId(), k.route(), c[0], c[1]));
        });
        return new RepeatStats(List.copyOf(cases));
    }

    /** The largest number of samples any case has: K of {@code --repeat K}. 0 for no records. */
    public int samplesPerCase() {
        return cases.stream().mapToInt(CaseRepeat::samples).max().orElse(0);
    }

    /** Share of cases whose every sample passed (mean pass^k); NaN for no cases. */
    public double passAllRate() {
        return cases.isEmpty() ? Double.NaN : (double) cases.stream().filter(CaseRepeat::allPassed).count() / cases.size();
    }

    /** Share of all samples that passed (pass@1 averaged over samples); NaN for no cases. */
    public double samplePassRate() {
        int samples = cases.stream().mapToInt(CaseRepeat::samples).sum();
        return samples == 0 ? Double.NaN : (double) cases.stream().mapToInt(CaseRepeat::passes).sum() / samples;
    }

    public List<CaseRepeat> flaky() {
        return cases.stream().filter(CaseRepeat::flaky).toList();
    }
}
