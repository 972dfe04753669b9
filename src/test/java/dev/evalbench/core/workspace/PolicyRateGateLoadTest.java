package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gates on policy.* rates load for any suite, held to max; min and CEL check names are checked at load. */
class PolicyRateGateLoadTest {
    @TempDir Path dir;

    private Path withGate(String gate) throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        FixtureWorkspace.write(root, "gates.yaml", Files.readString(root.resolve("gates.yaml")) + "  - " + gate + "\n");
        return root;
    }

    @Test
    void aLeakRateGateOnASafetySuiteLoads() throws Exception {
        Path root = withGate("{id: leaks, kind: metric, suite: safety, metric: policy.leak_rate, max: 0}");

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of());

        assertThat(ws.gates()).anySatisfy(g -> assertThat(g.metric()).isEqualTo("policy.leak_rate"));
    }

    @Test
    void aPolicyRateWithMinIsRefused() throws Exception {
        WorkspaceException e = FixtureWorkspace.loadFailure(withGate("{id: leaks, kind: metric, suite: triage, metric: policy.leak_rate, min: 0.1}"));

        assertThat(e.getMessage()).contains("policy.leak_rate counts bad outcomes: gate \"leaks\" must use \"max\", not \"min\"");
    }

    @Test
    void aCheckMetricMustNameACheckOfTheSuite() throws Exception {
        WorkspaceException e = FixtureWorkspace.loadFailure(withGate("{id: c, kind: metric, suite: triage, metric: check.total-is-sum.pass_rate, min: 1}"));

        assertThat(e.getMessage()).contains("suite \"triage\" has no check named \"total-is-sum\" (checks: none)");
    }
}
