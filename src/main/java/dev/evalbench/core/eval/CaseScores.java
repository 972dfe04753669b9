package dev.evalbench.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.record.ScoredCase;
import dev.evalbench.core.workspace.ExtractionRule;

/**
 * Per-case correctness of one scored field, read from a stored record with the rules of {@link FieldValues}.
 * These are the 0/1 outcomes behind every accuracy and behind the paired tests. A record whose expected
 * object lacks the field scores as wrong here; the metrics refuse such records instead (see
 * {@link MetricUnavailableException}). Pure.
 */
public final class CaseScores {
    private CaseScores() {}

    /** The predicted label, or {@link FieldValues#INVALID} when the case has no valid output. */
    public static String predictedLabel(ScoredCase record, String field) {
        JsonNode output = FieldValues.validOutput(record);
        return output == null ? FieldValues.INVALID : FieldValues.label(FieldValues.field(output, field));
    }

    public static String expectedLabel(ScoredCase record, String field) {
        return FieldValues.label(FieldValues.field(record.expected(), field));
    }

    public static boolean classificationCorrect(ScoredCase record, String field) {
        return FieldValues.hasExpected(record.expected(), field)
                && expectedLabel(record, field).equals(predictedLabel(record, field));
    }

    public static boolean extractionCorrect(ScoredCase record, String field) {
        return extractionCorrect(record, ExtractionRule.exact(field));
    }

    /** The field is right under its rule (normalizers, tolerance). */
    public static boolean extractionCorrect(ScoredCase record, ExtractionRule rule) {
        JsonNode output = FieldValues.validOutput(record);
        String field = rule.field();
        return output != null && FieldValues.hasExpected(record.expected(), field)
                && FieldValues.sameValue(record.expected().get(field), FieldValues.field(output, field), rule);
    }

    /** The decided final action equals the expected one; a provider failure is never correct. */
    public static boolean routingCorrect(ScoredCase record, String field) {
        return record.failureKind() == null && record.finalAction() != null
                && FieldValues.hasExpected(record.expected(), field)
                && expectedLabel(record, field).equals(record.finalAction());
    }
}
