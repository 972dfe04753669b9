package dev.evalbench.app.gates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.RunService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gates panel of a run of two routes over a real SQLite history: a row per gate and route, and a route's row
 * points at that route's cases alone. Gated as one, the schema row blended the two models (50.0%) and listed the
 * invalid outputs of both.
 */
class GatesOfTwoRoutesTest {
    @TempDir Path temp;
    private SampleHistory sample;

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    @Test
    void eachRoutesRowPointsAtItsOwnCases() throws Exception {
        // The grader's answers are no triage JSON: every one of its outputs is invalid, none of the offline model's.
        RunHeader run = new RunService(Clock.systemUTC(), Map.of()).run(sample.ws, sample.workspace,
                new RunConfig(List.of("offline", "grader"), List.of("safety"), 1, 4, "off"), sample.store,
                RunListener.NONE, new Cancellation());
        GatesViewModel vm = new GatesViewModel(new SameThreadTaskRunner(), () -> sample.store,
                new RunGating(Map.of(), () -> sample.ws), run.id());
        vm.load();

        assertThat(vm.rows()).extracting(GateRow::id).contains("schema@grader", "schema@offline", "safety@grader",
                "safety@offline").doesNotContain("schema");
        GateRow grader = vm.rows().stream().filter(r -> r.id().equals("schema@grader")).findFirst().orElseThrow();
        GateRow offline = vm.rows().stream().filter(r -> r.id().equals("schema@offline")).findFirst().orElseThrow();
        assertThat(grader.word()).isEqualTo("FAIL");
        assertThat(offline.word()).isEqualTo("pass");
        Set<CaseKey> graderCases = sample.store.cases(run.id()).stream().filter(c -> c.key().route().equals("grader"))
                .map(c -> c.key()).collect(Collectors.toSet());
        assertThat(grader.cases()).hasSize(32).isEqualTo(graderCases);
        assertThat(offline.cases()).isEmpty();
        // The heaviest 5% by tokens of each route, not of both together.
        GateRow tokens = vm.rows().stream().filter(r -> r.id().equals("tokens@offline")).findFirst().orElseThrow();
        assertThat(tokens.cases()).isNotEmpty().allSatisfy(k -> assertThat(k.route()).isEqualTo("offline"));
    }
}
