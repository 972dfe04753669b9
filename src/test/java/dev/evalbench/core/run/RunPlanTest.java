package dev.evalbench.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan over the real sample workspace: its order, its keys, and that it holds no case until one is taken. */
class RunPlanTest {
    final AppInfo app = new AppInfo("test", null);

    @Test
    void thePlanIsEveryCaseOfEverySuiteInOrderAndBuildsACaseOnlyWhenAnItemIsTaken() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());

        RunPlan plan = RunPlan.of(ws, new RunConfig(List.of("offline"), List.of(), 2, 4, "off"), app);

        List<CaseKey> expected = new ArrayList<>();
        for (SuiteSpec suite : ws.suites()) {
            for (EvalCase c : suite.cases()) {
                for (int sample = 0; sample < 2; sample++) {
                    expected.add(new CaseKey(suite.name(), c.id(), ws.prompts().get(suite.promptId()).id(), "offline", sample));
                }
            }
        }
        assertThat(plan).hasSize(expected.size());
        for (int i = 0; i < plan.size(); i++) {
            assertThat(plan.key(i)).isEqualTo(expected.get(i));
            assertThat(plan.get(i).key()).isEqualTo(expected.get(i));
        }
        // Each item taken is built then: the plan keeps no case's tree between two takes.
        WorkItem once = plan.get(0);
        WorkItem twice = plan.get(0);
        assertThat(twice.evalCase()).isEqualTo(once.evalCase());
        assertThat(twice.evalCase().vars()).isNotSameAs(once.evalCase().vars());
        assertThat(twice.versions()).isSameAs(once.versions());
    }

    @Test
    void whatRemainsIsThePlanWithoutTheFinishedKeysInPlanOrder() throws Exception {
        Workspace ws = Components.loadChecked(Cli.SAMPLE, Map.of());
        RunPlan plan = RunPlan.of(ws, new RunConfig(List.of("offline"), List.of(), 1, 4, "off"), app);

        List<WorkItem> left = RunPlan.remaining(plan, Set.of(plan.key(0), plan.key(2)));

        assertThat(left).hasSize(plan.size() - 2);
        assertThat(left.get(0).key()).isEqualTo(plan.key(1));
        assertThat(left.get(1).key()).isEqualTo(plan.key(3));
        assertThat(left).extracting(WorkItem::key).doesNotContain(plan.key(0), plan.key(2));
    }
}
