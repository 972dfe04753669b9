package dev.evalbench.core.eval;

import dev.evalbench.core.record.ScoredCase;
import java.util.List;

/**
 * Routing accuracy over stored records: the decided final action ({@code decision.finalAction}, the fallback
 * when the output was rejected) against the expected action. A provider failure is a wrong route even when
 * the fallback happens to be the expected action: the case never got an answer. NaN for no records.
 */
public record RoutingMetrics(int total, int correct) {
    public static RoutingMetrics of(List<? extends ScoredCase> records, String routingField) {
        int correct = (int) records.stream().filter(r -> CaseScores.routingCorrect(r, routingField)).count();
        return new RoutingMetrics(records.size(), correct);
    }

    public double accuracy() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
