package dev.evalbench.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run of one case replaces the tab of the last run of that case on the same routes; any other run none. */
class OneCaseTabsTest {
    private static RunHeader run(String id, List<String> routes, List<String> suites, List<String> caseIds) {
        return new RunHeader(id, "ws", "/ws", new RunConfig(routes, suites, 1, 4, "read-write", List.of(), caseIds),
                RunStatus.COMPLETE, Instant.EPOCH, Instant.EPOCH, "t", null, Map.of(), 1, 1, List.of());
    }

    @Test
    void theSameCaseOnTheSameRoutesReplacesItsLastRunsTab() {
        OneCaseTabs tabs = new OneCaseTabs();
        assertThat(tabs.replaced(run("r1", List.of("offline"), List.of("triage"), List.of("t019")))).isNull();
        assertThat(tabs.replaced(run("r2", List.of("offline"), List.of("triage"), List.of("t019")))).isEqualTo("r1");
        assertThat(tabs.replaced(run("r3", List.of("offline"), List.of("triage"), List.of("t019")))).isEqualTo("r2");
        assertThat(tabs.replaced(run("r4", List.of("offline"), List.of("triage"), List.of("t001")))).as("another case").isNull();
        assertThat(tabs.replaced(run("r5", List.of("openai"), List.of("triage"), List.of("t019")))).as("other routes").isNull();
    }

    @Test
    void aRunOfSeveralCasesOrOfTheSuitesReplacesNothing() {
        OneCaseTabs tabs = new OneCaseTabs();
        assertThat(tabs.replaced(run("r1", List.of("offline"), List.of(), List.of()))).isNull();
        assertThat(tabs.replaced(run("r2", List.of("offline"), List.of(), List.of()))).isNull();
        assertThat(tabs.replaced(run("r3", List.of("offline"), List.of("triage"), List.of("t001", "t002")))).isNull();
        assertThat(tabs.replaced(run("r4", List.of("offline"), List.of("triage"), List.of("t001", "t002")))).isNull();
    }
}
