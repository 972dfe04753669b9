package dev.evalbench.core.run;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.JudgeVersion;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.workspace.JudgeSpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.CanonicalJson;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.PromptTemplate;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cases x routes x samples a run will store, in a stable order (suite, case, route, sample), so a
 * resumed run plans the same keys and skips the finished ones.
 */
public final class RunPlan {
    private RunPlan() {}

    /**
     * @throws IllegalArgumentException when the config names a route or suite the workspace lacks (the CLI
     *     checks these first and reports them as bad input)
     */
    public static List<WorkItem> of(Workspace ws, RunConfig config, AppInfo app) {
        List<SuiteSpec> suites = config.suites().isEmpty()
                ? ws.suites()
                : config.suites().stream().map(ws::suite).toList();
        List<RouteSpec> routes = config.routes().stream().map(name -> {
            RouteSpec r = ws.routes().get(name);
            if (r == null) throw new IllegalArgumentException("unknown route \"" + name + "\" (routes: " + String.join(", ", ws.routes().keySet()) + ")");
            return r;
        }).toList();
        List<WorkItem> items = new ArrayList<>();
        for (SuiteSpec suite : suites) {
            PromptTemplate prompt = ws.prompts().get(suite.promptId());
            for (RouteSpec route : routes) {
                VersionTuple versions = new VersionTuple(prompt.id(), prompt.revision(), prompt.contentHash(),
                        prompt.outputSchemaHash(), ws.preprocessHash(), ws.policy().revision(), ws.policy().hash(),
                        suite.version(), suite.datasetHash(), route.name(), route.provider(), route.model(),
                        routeHash(ws, route), app.version(), app.gitCommit(), judgeVersions(ws, suite));
                for (EvalCase c : suite.cases()) {
                    if (!config.selects(c.id(), c.tags())) continue;
                    for (int sample = 0; sample < config.repeat(); sample++) {
                        CaseKey key = new CaseKey(suite.name(), c.id(), prompt.id(), route.name(), sample);
                        items.add(new WorkItem(key, suite, c, prompt, route, versions));
                    }
                }
            }
        }
        return items;
    }

    /** The route's definition in canonical JSON, with its scripted rules file's digest when it has one. */
    static String routeHash(Workspace ws, RouteSpec route) {
        ObjectNode definition = Json.MAPPER.valueToTree(route);
        if (route.script() != null) definition.put("script_sha256", ws.inputDigests().get(route.script()));
        return Digests.sha256(CanonicalJson.canonicalize(definition));
    }

    /** The versions of the suite's judges: each rubric and the route that grades with it. */
    static List<JudgeVersion> judgeVersions(Workspace ws, SuiteSpec suite) {
        List<JudgeVersion> versions = new ArrayList<>();
        for (JudgeSpec j : suite.judges()) {
            RouteSpec r = ws.routes().get(j.route());
            PromptTemplate rubric = j.template();
            versions.add(new JudgeVersion(j.name(), rubric.id(), rubric.revision(), rubric.contentHash(),
                    rubric.outputSchemaHash(), j.route(), r.provider(), r.model(), routeHash(ws, r)));
        }
        return versions;
    }

    public static List<WorkItem> remaining(List<WorkItem> plan, Set<CaseKey> finished) {
        return plan.stream().filter(w -> !finished.contains(w.key())).toList();
    }
}
