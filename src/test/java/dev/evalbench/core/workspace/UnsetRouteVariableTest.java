package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ${NAME}} in a route's setting, without a default, whose variable the environment lacks makes that
 * route one that cannot run here, and is said with its file and line; it is no error of the workspace, so every
 * other route still runs (a gateway URL set only in CI does not stop a run of the scripted route on a laptop).
 */
class UnsetRouteVariableTest {
    @TempDir
    Path tmp;

    private Workspace load(Path root) throws WorkspaceException {
        return WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of("PATH", "/bin"));
    }

    @Test
    void theWorkspaceLoadsAndTheRouteIsNamedWithTheSettingFileAndLine() throws Exception {
        Path root = FixtureWorkspace.copyTo(tmp.resolve("ws"));
        FixtureWorkspace.replace(root, "routes.yaml", "${OPENAI_MODEL:-gpt-4o-mini}", "${OPENAI_MODEL}");

        Workspace ws = load(root);

        assertThat(ws.routes()).containsKeys("offline", "openai");
        assertThat(ws.unsetVariables()).containsOnlyKeys("openai");
        UnsetVariable unset = ws.unsetVariables().get("openai").get(0);
        assertThat(unset.setting()).isEqualTo("model");
        assertThat(unset.variable()).isEqualTo("OPENAI_MODEL");
        assertThat(unset.where().toString()).isEqualTo("routes.yaml:10:12: environment variable \"OPENAI_MODEL\" is not"
                + " set, and route openai takes its model from it (set it, or write ${OPENAI_MODEL:-default} to give a default)");
        assertThat(ws.routes().get("openai").model()).as("the reference's text, never a value").isEqualTo("${OPENAI_MODEL}");
    }

    @Test
    void setItIsAnOrdinaryRoute() throws Exception {
        Path root = FixtureWorkspace.copyTo(tmp.resolve("ws"));
        FixtureWorkspace.replace(root, "routes.yaml", "${OPENAI_MODEL:-gpt-4o-mini}", "${OPENAI_MODEL}");

        Workspace ws = WorkspaceLoader.load(new DiskWorkspaceFiles(root), Map.of("OPENAI_MODEL", "gpt-x"));

        assertThat(ws.unsetVariables()).isEmpty();
        assertThat(ws.routes().get("openai").model()).isEqualTo("gpt-x");
    }

    @Test
    void aWholeSettingOrTheProviderUnsetIsNotJudgedByWhatItsTextIsNot() throws Exception {
        Path root = FixtureWorkspace.copyTo(tmp.resolve("ws"));
        // A provider that is not "scripted" beside a script, and a breaker that is a string, would each be an error
        // of a route whose values are known; here they are a reference's text, left for when the variable is set.
        FixtureWorkspace.replace(root, "routes.yaml", "    provider: openai\n",
                "    provider: ${PROVIDER}\n    script: models/triage-rules.yaml\n");
        FixtureWorkspace.replace(root, "routes.yaml", "breaker: {window: 20, min_calls: 5, error_rate: 0.5, sla_ms: 15000,"
                + " open_ms: 30000, half_open_probes: 1}", "breaker: ${BREAKER}");

        Workspace ws = load(root);

        assertThat(ws.unsetVariables().get("openai")).extracting(UnsetVariable::setting).containsExactly("provider", "breaker");
        assertThat(ws.routes().get("openai").breaker()).isNull();
        assertThat(ws.routes().get("offline").provider()).isEqualTo("scripted");
    }

    @Test
    void aMalformedReferenceIsStillAnErrorOfTheFile() {
        Path root = FixtureWorkspace.copyTo(tmp.resolve("ws"));
        FixtureWorkspace.replace(root, "routes.yaml", "${OPENAI_MODEL:-gpt-4o-mini}", "${OPENAI MODEL}");

        WorkspaceException e = FixtureWorkspace.loadFailure(root, Map.of("PATH", "/bin"));

        assertThat(e.errors()).extracting(InputError::toString).containsExactly("routes.yaml:10:12: malformed environment"
                + " reference \"${OPENAI MODEL}\" (expected ${NAME} or ${NAME:-default}, NAME of letters, digits and '_')");
    }

    @Test
    void theSameHoldsForAWorkspaceLoadedToReadItsRuns() throws Exception {
        Path root = FixtureWorkspace.copyTo(tmp.resolve("ws"));
        FixtureWorkspace.replace(root, "routes.yaml", "${OPENAI_BASE_URL:-https://api.openai.com/v1}", "${GATEWAY_URL}");

        Workspace ws = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root), Map.of(), Map.of());

        assertThat(ws.unsetVariables().get("openai")).extracting(UnsetVariable::variable).isEqualTo(List.of("GATEWAY_URL"));
    }
}
