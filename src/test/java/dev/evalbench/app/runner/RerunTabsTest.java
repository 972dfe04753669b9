package dev.evalbench.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run replaces the tab of the last run of the same cases on the same routes, as many times; any other run none. */
class RerunTabsTest {
    private static RunHeader run(String id, List<String> routes, List<String> suites, List<String> caseIds) {
        return run(id, routes, suites, List.of(), caseIds, 1, 4);
    }

    private static RunHeader run(String id, List<String> routes, List<String> suites, List<String> tags,
                                 List<String> caseIds, int repeat, int concurrency) {
        return new RunHeader(id, "ws", "/ws", new RunConfig(routes, suites, repeat, concurrency, "read-write", tags, caseIds),
                RunStatus.COMPLETE, Instant.EPOCH, Instant.EPOCH, "t", null, Map.of(), 1, 1, List.of());
    }

    @Test
    void theSameCaseOnTheSameRoutesReplacesItsLastRunsTab() {
        RerunTabs tabs = new RerunTabs();
        assertThat(tabs.replaced(run("r1", List.of("offline"), List.of("triage"), List.of("t019")))).isNull();
        assertThat(tabs.replaced(run("r2", List.of("offline"), List.of("triage"), List.of("t019")))).isEqualTo("r1");
        assertThat(tabs.replaced(run("r3", List.of("offline"), List.of("triage"), List.of("t019")))).isEqualTo("r2");
        assertThat(tabs.replaced(run("r4", List.of("offline"), List.of("triage"), List.of("t001")))).as("another case").isNull();
        assertThat(tabs.replaced(run("r5", List.of("openai"), List.of("triage"), List.of("t019")))).as("other routes").isNull();
    }

    @Test
    void theWholeSuiteRunAgainReplacesItsLastRunsTabButNotAnotherSlicesTab() {
        RerunTabs tabs = new RerunTabs();
        assertThat(tabs.replaced(run("r1", List.of("offline"), List.of(), List.of()))).isNull();
        assertThat(tabs.replaced(run("r2", List.of("offline"), List.of(), List.of()))).isEqualTo("r1");
        assertThat(tabs.replaced(run("r3", List.of("offline"), List.of("triage"), List.of()))).as("one suite").isNull();
        assertThat(tabs.replaced(run("r4", List.of("offline"), List.of("triage"), List.of("t001", "t002")))).isNull();
        assertThat(tabs.replaced(run("r5", List.of("offline"), List.of("triage"), List.of("t001", "t002")))).isEqualTo("r4");
        assertThat(tabs.replaced(run("r6", List.of("offline"), List.of(), List.of("safety"), List.of(), 1, 4)))
                .as("a tag").isNull();
        assertThat(tabs.replaced(run("r7", List.of("offline"), List.of(), List.of(), List.of(), 3, 4))).as("repeated").isNull();
        assertThat(tabs.replaced(run("r8", List.of("offline"), List.of(), List.of(), List.of(), 1, 16)))
                .as("another concurrency asks the same question").isEqualTo("r2");
    }
}
