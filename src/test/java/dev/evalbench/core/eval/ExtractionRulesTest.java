package dev.evalbench.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.record.Decision;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.ExtractionRule;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Normalizers and tolerances of extraction fields, each against values worked out by hand. */
class ExtractionRulesTest {
    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static boolean same(String want, String got, ExtractionRule rule) throws Exception {
        return FieldValues.sameValue(json(want), json(got), rule);
    }

    @Test
    void anAbsoluteToleranceAcceptsADifferenceUpToItAndNoMore() throws Exception {
        ExtractionRule cent = new ExtractionRule("total", List.of(), 0.01, null);
        assertThat(same("1250.00", "1249.99", cent)).isTrue();      // |diff| = 0.01 exactly, in decimal
        assertThat(same("1250.00", "1250.01", cent)).isTrue();
        assertThat(same("1250.00", "1249.98", cent)).isFalse();     // 0.02
        assertThat(same("1250", "1249.995", cent)).isTrue();        // 0.005
        assertThat(same("1250.00", "\"1250.00\"", cent)).isFalse(); // a string is not a number
        assertThat(same("1250.00", "1249.99", ExtractionRule.exact("total"))).isFalse();
    }

    @Test
    void aRelativeToleranceScalesWithTheExpectedValue() throws Exception {
        ExtractionRule permille = new ExtractionRule("total", List.of(), null, 0.001);
        assertThat(same("1000", "1001", permille)).isTrue();        // 1 <= 0.001 * 1000
        assertThat(same("1000", "1001.01", permille)).isFalse();    // 1.01 > 1
        assertThat(same("-200", "-200.2", permille)).isTrue();      // 0.2 <= 0.001 * |-200|
        assertThat(same("0", "0.0001", permille)).isFalse();        // nothing is within 0.1% of 0 but 0
        assertThat(same("0", "0.0", permille)).isTrue();
    }

    @Test
    void normalizersApplyInOrderToBothSides() {
        assertThat(FieldNormalizers.apply("  ACME GmbH\u00A0", List.of("trim"))).isEqualTo("ACME GmbH");
        assertThat(FieldNormalizers.apply(" ACME GmbH ", List.of("trim", "casefold"))).isEqualTo("acme gmbh");
        assertThat(FieldNormalizers.apply("DE89 3704-0044/0532", List.of("digits_only"))).isEqualTo("89370400440532");
        assertThat(FieldNormalizers.apply("07.03.2026", List.of("date"))).isEqualTo("2026-03-07");
        assertThat(FieldNormalizers.apply("7/3/2026", List.of("date"))).isEqualTo("2026-03-07");
        assertThat(FieldNormalizers.apply("7 March 2026", List.of("date"))).isEqualTo("2026-03-07");
        assertThat(FieldNormalizers.apply("march 7, 2026", List.of("date"))).isEqualTo("2026-03-07");
        assertThat(FieldNormalizers.apply("7-Mar-2026", List.of("date"))).isEqualTo("2026-03-07");
        assertThat(FieldNormalizers.apply("2026-3-7", List.of("date"))).isEqualTo("2026-03-07");
        // not a date (31 February) and not text of a known form: left as written, so still unequal
        assertThat(FieldNormalizers.apply("31.02.2026", List.of("date"))).isEqualTo("31.02.2026");
        assertThat(FieldNormalizers.apply("next Tuesday", List.of("date"))).isEqualTo("next Tuesday");
    }

    @Test
    void normalizedStringsCompareEqualAndOthersDoNot() throws Exception {
        ExtractionRule vendor = new ExtractionRule("vendor", List.of("trim", "casefold"), null, null);
        assertThat(same("\"ACME GmbH\"", "\" acme gmbh \"", vendor)).isTrue();
        assertThat(same("\"ACME GmbH\"", "\"ACME AG\"", vendor)).isFalse();
        ExtractionRule date = new ExtractionRule("issued", List.of("date"), null, null);
        assertThat(same("\"2026-03-07\"", "\"07.03.2026\"", date)).isTrue();
        assertThat(same("\"2026-03-07\"", "\"03/07/2026\"", date)).isFalse(); // read day first: 3 July
        assertThat(same("null", "null", date)).isTrue();
        assertThat(same("\"2026-03-07\"", "null", date)).isFalse();
    }

    @Test
    void taskChecksAndMetricsUseTheSuiteRulesAndSayWhichRuleApplied() throws Exception {
        SuiteSpec suite = new SuiteSpec("invoices", SuiteKind.TASK, "p", "d.jsonl", "1", List.of(),
                List.of("total", "vendor"), null, "h", List.of(),
                Map.of("total", new ExtractionRule("total", List.of(), 0.01, null),
                        "vendor", new ExtractionRule("vendor", List.of("trim", "casefold"), null, null)),
                List.of());
        EvalCase c = new EvalCase("i1", Json.MAPPER.createObjectNode(),
                (ObjectNode) json("{\"total\": 1250.00, \"vendor\": \"ACME GmbH\"}"), List.of(), List.of(), null, true, "d.jsonl", 1);
        Validation close = new Validation(json("{\"total\": 1249.99, \"vendor\": \"acme gmbh\"}"), true, List.of());
        Validation off = new Validation(json("{\"total\": 1249.90, \"vendor\": \"ACME\"}"), true, List.of());
        Decision none = new Decision(true, null, null, null, null);

        CaseEvaluation good = TaskChecks.evaluate(suite, c, close, none);
        CaseEvaluation bad = TaskChecks.evaluate(suite, c, off, none);

        assertThat(good.checks()).containsEntry("total", true).containsEntry("vendor", true);
        assertThat(bad.failures()).containsExactly("total: expected 1250.0, got 1249.9 (within 0.01).",
                "vendor: expected \"ACME GmbH\", got \"ACME\" (trim, casefold).");
    }
}
