package dev.evalbench.core.gate.ci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.eval.JudgeAgreement;
import dev.evalbench.core.json.Json;
import java.util.List;

/**
 * The {@code judges} array of the gate and report JSON: per suite and judge,
 * {@code {suite, judge, cases, passed, failed, errors, no_output, pass_rate, mean_score, labelled, kappa,
 * weighted_kappa, agreement}}, where {@code agreement} is {@code ok}, {@code no_labels},
 * {@code too_few_labels} or {@code undefined} and the kappas are null unless it is {@code ok}. Pure.
 */
public final class JudgeJson {
    private JudgeJson() {}

    public static ArrayNode of(List<JudgeAgreement> judges) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (JudgeAgreement a : judges) {
            ObjectNode j = array.addObject();
            j.put("suite", a.suite());
            j.put("judge", a.judge());
            j.put("cases", a.cases());
            j.put("passed", a.passed());
            j.put("failed", a.failed());
            j.put("errors", a.errors());
            j.put("no_output", a.noOutput());
            j.put("pass_rate", a.cases() == 0 ? 0.0 : (double) a.passed() / a.cases());
            j.put("mean_score", a.meanScore());
            j.put("labelled", a.labelled());
            j.put("kappa", a.kappa());
            j.put("weighted_kappa", a.weightedKappa());
            j.put("agreement", JudgeWording.agreementState(a));
        }
        return array;
    }
}
