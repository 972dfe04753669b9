package dev.evalbench.core.gate.ci;

import dev.evalbench.core.eval.JudgeAgreement;
import java.util.Locale;

/**
 * The words every output (the run/gate table, the CI summary, reports) uses for a model-graded judge and its
 * agreement with human labels, so they never disagree. Pure.
 */
public final class JudgeWording {
    private JudgeWording() {}

    /** "agreement" in JSON: {@code ok}, {@code no_labels}, {@code too_few_labels} or {@code undefined}. */
    public static String agreementState(JudgeAgreement a) {
        if (a.labelled() == 0) return "no_labels";
        if (a.tooFewLabels()) return "too_few_labels";
        return a.kappa() == null && a.weightedKappa() == null ? "undefined" : "ok";
    }

    /**
     * The agreement with people, e.g. "kappa 0.71 on pass/fail, weighted kappa 0.80 on scores (n=24)",
     * "too few labels (4; a kappa needs 10)", "no human labels".
     */
    public static String agreement(JudgeAgreement a) {
        switch (agreementState(a)) {
            case "no_labels": return "no human labels";
            case "too_few_labels": return "too few labels (" + a.labelled() + "; a kappa needs " + JudgeAgreement.MIN_LABELS + ")";
            case "undefined": return "kappa undefined: every verdict and label alike (n=" + a.labelled() + ")";
            default: return "kappa " + number(a.kappa()) + " on pass/fail, weighted kappa " + number(a.weightedKappa())
                    + " on scores (n=" + a.labelled() + ")";
        }
    }

    /** The outcome counts and mean score, e.g. "120 pass, 21 fail, 0 judge errors, 18 not judged; mean score 3.92". */
    public static String outcomes(JudgeAgreement a) {
        return a.passed() + " pass, " + a.failed() + " fail, " + a.errors() + " judge error" + (a.errors() == 1 ? "" : "s")
                + ", " + a.noOutput() + " not judged (no valid output); mean score " + number(a.meanScore());
    }

    /** One line of the run/gate table: "judge triage/reply-quality: ...; agreement with people: ...". */
    public static String line(JudgeAgreement a) {
        return "judge " + a.suite() + "/" + a.judge() + ": " + outcomes(a) + "; agreement with people: " + agreement(a);
    }

    /**
     * One judge's verdict on one case, e.g. "reply-quality: PASS, score 5 (human 4): Clear and helpful." or
     * "reply-quality: judge error: the judge's answer is not valid: ...".
     */
    public static String verdict(dev.evalbench.core.record.JudgeVerdict v) {
        String human = v.label() == null ? "" : " (human " + v.label() + ")";
        if (v.judged()) return v.name() + ": " + v.outcome() + ", score " + v.score() + human + ": " + v.reason();
        if (v.errored()) return v.name() + ": judge error" + human + ": " + v.error();
        return v.name() + ": not judged, no valid output" + human;
    }

    /** Two decimals, or "—" for none. */
    public static String number(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }
}
