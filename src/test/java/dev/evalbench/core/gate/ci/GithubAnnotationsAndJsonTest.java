package dev.evalbench.core.gate.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubAnnotationsAndJsonTest {

    @Test
    void oneErrorLinePerFailedGateWithGithubEscaping() {
        GateReport report = new GateReport("r", null, List.of(
                new GateVerdict("ok", "total_tokens", null, true, 1, 2, "<=", null, null, null, null, null, "fine"),
                new GateVerdict("lat,ency", "p95_latency", null, false, 912, 800, "<=", null, 850.0, 990.0, null, null,
                        "The p95 latency is 912 ms;\nover 100% of budget.")));

        String out = new GithubAnnotations().render(report);

        assertThat(out.lines()).containsExactly("::error title=Evalbench gate lat%2Cency failed::The p95 latency is 912 ms;%0Aover 100%25"
                + " of budget. (value 912 ms, threshold ≤ 800 ms, 95%25 interval [850 ms, 990 ms])");
    }

    @Test
    void noAnnotationsWhenEveryGatePassed() {
        assertThat(new GithubAnnotations().render(new GateReport("r", null, List.of()))).isEmpty();
    }

    @Test
    void theJsonCarriesEveryVerdictFieldCountsAndAStatusThatFollowsTheExitCodes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gates.json");
        new GateJson().write(CiFixtures.report(), CiFixtures.run(), file);

        JsonNode root = Json.MAPPER.readTree(Files.readString(file));

        assertThat(root.get("run_id").asText()).isEqualTo("run-new");
        assertThat(root.get("baseline_run_id").asText()).isEqualTo("run-base");
        assertThat(root.get("status").asText()).isEqualTo("complete");
        assertThat(root.get("passed").asBoolean()).isFalse();
        assertThat(root.has("run_status")).isFalse();
        assertThat(root.get("gates")).hasSize(5);
        JsonNode metric = root.get("gates").get(1);
        assertThat(metric.fieldNames()).toIterable().containsExactly("id", "kind", "suite", "passed", "verdict", "value", "threshold",
                "comparator", "baseline_value", "interval_low", "interval_high", "interval_of", "p_value", "mode", "detail");
        assertThat(metric.get("value").asDouble()).isEqualTo(0.88);
        assertThat(metric.get("p_value").asDouble()).isEqualTo(0.0215);
        assertThat(metric.get("interval_of").asText()).isEqualTo("difference");
        assertThat(metric.get("mode").asText()).isEqualTo("significant");
        assertThat(root.get("gates").get(0).get("interval_of").asText()).isEqualTo("value");
        JsonNode cost = root.get("gates").get(4);
        assertThat(cost.get("value").isNull()).isTrue();
        assertThat(cost.get("threshold").isNull()).isTrue();
        assertThat(cost.get("interval_of").isNull()).isTrue();
        JsonNode counts = root.get("counts");
        assertThat(counts.get("gates").asInt()).isEqualTo(5);
        assertThat(counts.get("gates_failed").asInt()).isEqualTo(3);
        assertThat(counts.get("cases").asInt()).isEqualTo(5);
        assertThat(counts.get("cases_passed").asInt()).isEqualTo(2);
        assertThat(counts.get("cases_failed").asInt()).isEqualTo(3);
        assertThat(counts.get("provider_failures").asInt()).isEqualTo(1);
    }

    @Test
    void anIncompleteRunReadsIncompleteEvenWhenItsGatesPassed() {
        GateReport passing = new GateReport("r", null, List.of());

        JsonNode root = new GateJson().toJson(passing, Fixtures.run("r", RunStatus.INCOMPLETE, List.of(CaseRecordBuilder.of("triage", "a"))));
        JsonNode complete = new GateJson().toJson(passing, Fixtures.run("r", List.of(CaseRecordBuilder.of("triage", "a"))));

        assertThat(root.get("status").asText()).isEqualTo("incomplete");
        assertThat(root.get("passed").asBoolean()).isTrue();
        assertThat(root.get("baseline_run_id").isNull()).isTrue();
        assertThat(complete.get("status").asText()).isEqualTo("complete");
    }
}
