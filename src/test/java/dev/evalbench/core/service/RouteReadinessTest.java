package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.cli.Cli;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run is refused, before anything is written, when a route it reaches needs a variable the environment lacks: a
 * route it chose, a fallback of one, or the judge route of a suite it runs; a variable of a route it does not reach
 * stops nothing. On the sample workspace, whose triage suite is judged on route {@code grader}.
 */
class RouteReadinessTest {
    @TempDir
    Path tmp;

    Path ws;

    @BeforeEach
    void sample() throws Exception {
        ws = Cli.copySample(tmp);
        Files.writeString(ws.resolve("routes.yaml"), "\n  local:\n    provider: openai\n    base_url: ${LOCAL_URL}\n"
                + "    model: ${LOCAL_MODEL}\n  primary:\n    provider: openai\n    base_url: http://127.0.0.1:9/v1\n"
                + "    model: m\n    fallbacks: [offline, local]\n  gateway:\n    provider: openai\n"
                + "    base_url: http://127.0.0.1:9/v1\n    model: m\n    secret_headers: {X-Org-Token: ORG_TOKEN}\n",
                StandardOpenOption.APPEND);
    }

    private static RunService service(Map<String, String> env) {
        return new RunService(Clock.systemUTC(), env);
    }

    private static RunConfig on(String route, String... suites) {
        return new RunConfig(List.of(route), List.of(suites), 1, 1, "off");
    }

    private String refusal(Workspace workspace, RunConfig config) {
        RequestException e = catchThrowableOfType(() -> service(Map.of()).check(workspace, config), RequestException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.field()).isEqualTo("route");
        return e.reason();
    }

    @Test
    void aRouteWithAnUnsetSettingIsRefusedNamingEachSettingAndWhereItIsWritten() throws Exception {
        Workspace workspace = Components.loadChecked(ws, Map.of());

        assertThat(refusal(workspace, on("local"))).isEqualTo("route local takes its base_url from LOCAL_URL"
                + " (routes.yaml:45:15) and its model from LOCAL_MODEL (routes.yaml:46:12), which are not set in the"
                + " environment; set them where Evalbench starts, or give a default in routes.yaml (${LOCAL_URL:-…}), or"
                + " choose another route");
        service(Map.of()).check(workspace, on("offline")); // another route: accepted
    }

    @Test
    void aFallbackWithAnUnsetSettingIsNamedWithTheRouteThatReachesIt() throws Exception {
        Workspace workspace = Components.loadChecked(ws, Map.of());

        assertThat(refusal(workspace, on("primary"))).startsWith("route local (a fallback of route primary) takes its"
                + " base_url from LOCAL_URL");
        assertThat(service(Map.of()).missingVariable(workspace, "primary")).hasValue(
                new RunService.MissingVariable("local", "LOCAL_URL", "its base_url"));
    }

    @Test
    void anUnsetSecretHeaderVariableIsFoundBeforeTheRunNotOncePerCase() throws Exception {
        Workspace workspace = Components.loadChecked(ws, Map.of());

        assertThat(refusal(workspace, on("gateway"))).isEqualTo("route gateway reads its header X-Org-Token from"
                + " ORG_TOKEN, which is not set in the environment; set it where Evalbench starts (a local server takes"
                + " any value), or choose another route");
        service(Map.of("ORG_TOKEN", "t")).check(workspace, on("gateway"));
    }

    @Test
    void theJudgeRouteOfASuiteTheRunHoldsIsReachedAndOfASuiteItLeavesOutIsNot() throws Exception {
        Cli.edit(ws.resolve("routes.yaml"), "model: reply-grader-v1", "model: ${GRADER_MODEL}");
        Workspace workspace = Components.loadChecked(ws, Map.of());

        assertThat(refusal(workspace, on("offline"))).startsWith("route grader (the judge reply-quality of suite triage)"
                + " takes its model from GRADER_MODEL (routes.yaml:");
        assertThat(refusal(workspace, on("offline", "triage"))).startsWith("route grader (the judge reply-quality");
        service(Map.of()).check(workspace, on("offline", "safety")); // the safety suite has no judge
        try (RunStore store = HistoryService.openForWriting(ws, null)) {
            catchThrowableOfType(() -> service(Map.of()).run(workspace, ws, on("offline"), store, RunListener.NONE,
                    new Cancellation()), RequestException.class);
            assertThat(store.runs(10)).as("nothing written for a refused run").isEmpty();
        }
    }
}
