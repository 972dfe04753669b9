package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy rules load as part of the policy (its hash) and are type-checked at their place in policy.yaml. */
class PolicyRuleLoadTest {
    @TempDir Path dir;

    private static final String RULE = "rules:\n  - {name: refunds-cite-order, when: 'output.action == \"refund\"', "
            + "require: 'output.order_id != null', reason: refunds need an order id}\n";

    @Test
    void rulesLoadAndChangeThePolicyHash() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir.resolve("a"));
        PolicySpec before = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).policy();
        FixtureWorkspace.write(root, "policy.yaml", java.nio.file.Files.readString(root.resolve("policy.yaml")) + RULE);

        PolicySpec after = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of()).policy();

        assertThat(after.rules()).containsExactly(new PolicySpec.Rule("refunds-cite-order", "output.action == \"refund\"",
                "output.order_id != null", "refunds need an order id"));
        assertThat(after.hash()).isNotEqualTo(before.hash());
    }

    @Test
    void aRuleNamingAFieldTheOutputLacksIsRefusedAtItsColumn() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir);
        String policy = java.nio.file.Files.readString(root.resolve("policy.yaml"));
        FixtureWorkspace.write(root, "policy.yaml", policy + RULE.replace("output.order_id != null", "output.order != null"));
        int line = (int) policy.lines().count() + 2;

        WorkspaceException e = FixtureWorkspace.loadFailure(root);

        // "  - {name: refunds-cite-order, when: 'output.action == \"refund\"', require: " is 75 characters: the quote
        // is column 76, the '.' of output.order column 83
        assertThat(e.getMessage()).isEqualTo("policy.yaml:" + line + ":83: rule \"refunds-cite-order\" (require): undefined field 'order'");
    }
}
