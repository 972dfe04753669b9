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
import dev.evalbench.core.workspace.DatasetCases;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The cases x routes x samples a run will store, in a stable order (suite, case, route, sample), so a
 * resumed run plans the same keys and skips the finished ones.
 *
 * <p>A plan holds, per suite and route, the indexes of the cases it takes; {@link #get} builds the work item,
 * and with it the case's trees ({@link DatasetCases#get}), when it is called. The engine calls it as a worker
 * takes the case, so a plan of N cases never holds N cases' trees. {@link #key} names an item without building
 * it. Immutable and thread-safe.
 */
public final class RunPlan extends AbstractList<WorkItem> implements RandomAccess {
    /** The cases of one suite through its prompt on one route: items {@code first .. first + cases.length * repeat}. */
    private record Segment(SuiteSpec suite, PromptTemplate prompt, RouteSpec route, VersionTuple versions, int[] cases, int first) {}

    private final List<Segment> segments;
    private final int repeat;
    private final int size;

    private RunPlan(List<Segment> segments, int repeat, int size) {
        this.segments = segments;
        this.repeat = repeat;
        this.size = size;
    }

    /**
     * @throws IllegalArgumentException when the config names a route or suite the workspace lacks (the CLI
     *     checks these first and reports them as bad input)
     */
    public static RunPlan of(Workspace ws, RunConfig config, AppInfo app) {
        List<SuiteSpec> suites = config.suites().isEmpty()
                ? ws.suites()
                : config.suites().stream().map(ws::suite).toList();
        List<RouteSpec> routes = config.routes().stream().map(name -> {
            RouteSpec r = ws.routes().get(name);
            if (r == null) throw new IllegalArgumentException("unknown route \"" + name + "\" (routes: " + String.join(", ", ws.routes().keySet()) + ")");
            return r;
        }).toList();
        int repeat = config.repeat();
        List<Segment> segments = new ArrayList<>();
        int size = 0;
        for (SuiteSpec suite : suites) {
            PromptTemplate prompt = ws.prompts().get(suite.promptId());
            int[] selected = selected(suite.cases(), config);
            for (RouteSpec route : routes) {
                VersionTuple versions = new VersionTuple(prompt.id(), prompt.revision(), prompt.contentHash(),
                        prompt.outputSchemaHash(), ws.preprocessHash(), ws.policy().revision(), ws.policy().hash(),
                        suite.version(), suite.datasetHash(), route.name(), route.provider(), route.model(),
                        routeHash(ws, route), app.version(), app.gitCommit(), judgeVersions(ws, suite));
                if (selected.length == 0 || repeat <= 0) continue;
                segments.add(new Segment(suite, prompt, route, versions, selected, size));
                size = Math.addExact(size, Math.multiplyExact(selected.length, repeat));
            }
        }
        return new RunPlan(List.copyOf(segments), repeat, size);
    }

    /** The indexes of the suite's cases the config selects, read without building the cases. */
    private static int[] selected(List<EvalCase> cases, RunConfig config) {
        int[] selected = new int[cases.size()];
        int n = 0;
        for (int i = 0; i < cases.size(); i++) {
            if (config.selects(DatasetCases.idOf(cases, i), DatasetCases.tagsOf(cases, i))) selected[n++] = i;
        }
        return Arrays.copyOf(selected, n);
    }

    /** The item at {@code index}, its case built now (a new tree on each call). */
    @Override
    public WorkItem get(int index) {
        Segment s = segmentOf(index);
        int local = index - s.first();
        int caseIndex = s.cases()[local / repeat];
        EvalCase c = s.suite().cases().get(caseIndex);
        CaseKey key = new CaseKey(s.suite().name(), c.id(), s.prompt().id(), s.route().name(), local % repeat);
        return new WorkItem(key, s.suite(), c, s.prompt(), s.route(), s.versions());
    }

    /** The key of the item at {@code index}, without building its case. */
    public CaseKey key(int index) {
        Segment s = segmentOf(index);
        int local = index - s.first();
        String id = DatasetCases.idOf(s.suite().cases(), s.cases()[local / repeat]);
        return new CaseKey(s.suite().name(), id, s.prompt().id(), s.route().name(), local % repeat);
    }

    @Override
    public int size() {
        return size;
    }

    private Segment segmentOf(int index) {
        Objects.checkIndex(index, size);
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo < hi) { // the last segment starting at or before index
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).first() <= index) lo = mid;
            else hi = mid - 1;
        }
        return segments.get(lo);
    }

    /**
     * The SHA-256 of the route's definition (as {@code ws} read it, its environment's values in) in canonical JSON,
     * with its scripted rules file's digest when it has one: the {@code routeHash} a case's versions record.
     */
    public static String routeHash(Workspace ws, RouteSpec route) {
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

    /**
     * The items of {@code plan} whose keys are not in {@code finished}, in plan order; built, like the plan's,
     * when read.
     */
    public static List<WorkItem> remaining(RunPlan plan, Set<CaseKey> finished) {
        int[] left = new int[plan.size()];
        int n = 0;
        for (int i = 0; i < plan.size(); i++) {
            if (!finished.contains(plan.key(i))) left[n++] = i;
        }
        int[] indexes = Arrays.copyOf(left, n);
        return new Remaining(plan, indexes);
    }

    private static final class Remaining extends AbstractList<WorkItem> implements RandomAccess {
        private final RunPlan plan;
        private final int[] indexes;

        Remaining(RunPlan plan, int[] indexes) {
            this.plan = plan;
            this.indexes = indexes;
        }

        @Override
        public WorkItem get(int index) {
            return plan.get(indexes[index]);
        }

        @Override
        public int size() {
            return indexes.length;
        }
    }
}
