package dev.evalbench.core.service;

import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.JudgeVerdict;
import dev.evalbench.core.record.JudgeVersion;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.run.RunPlan;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.RouteSpec;
import dev.evalbench.core.workspace.Workspace;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a resume that would call a route other than the one the run's answers came from. A resume reads the run's
 * own files, but routes.yaml takes values from the environment ({@code ${OPENAI_MODEL:-gpt-4o-mini}}), read again
 * as it resumes: a run started in CI and resumed on a laptop with another model or base_url set would hold the
 * answers of two models under one run id, its gates and signed report a blend no one asked for. Each route that
 * answered a case, and each judge route that graded one, is held to its definition's SHA-256 as the run's first
 * answered case of each suite on that route recorded it. One with no answer or grade yet may differ (a model name
 * the server did not know, corrected in the variable, is how resume mends a refused route), and so may anything in
 * a run that no case got an answer in: resume runs every case of it again. Fallback routes are not recorded per case
 * and are not checked. Stateless.
 */
final class RecordedRoutes {
    private RecordedRoutes() {}

    /**
     * @throws RequestException (field "run") naming the route, and the model when that is what changed, when a route
     *     the run's answers came from is defined otherwise in {@code ws} as this environment reads it
     * @throws StoreException when the run's cases cannot be read
     */
    static void check(RunHeader run, Workspace ws, RunStore store) throws StoreException, RequestException {
        // By route and suite: a suite's case records the versions of that suite's judges.
        Map<String, CaseKey> firstAnswered = new LinkedHashMap<>();
        Set<String> gradingJudges = new HashSet<>();
        for (CaseSummary s : store.summaries(run.id())) {
            if (s.failureKind() == null) firstAnswered.putIfAbsent(s.key().route() + '\u0000' + s.key().suite(), s.key());
            for (JudgeVerdict v : s.judgements()) {
                if (JudgeVerdict.PASS.equals(v.outcome()) || JudgeVerdict.FAIL.equals(v.outcome())) gradingJudges.add(v.name());
            }
        }
        for (CaseKey key : firstAnswered.values()) {
            CaseRecord record = store.caseRecord(run.id(), key).orElse(null);
            VersionTuple recorded = record == null ? null : record.versions();
            if (recorded == null) continue;
            check(run.id(), ws, recorded.route(), recorded.model(), recorded.routeHash());
            for (JudgeVersion judge : recorded.judges()) {
                // A judge that graded nothing yet may differ, as a route that answered nothing may.
                if (gradingJudges.contains(judge.name())) check(run.id(), ws, judge.route(), judge.model(), judge.routeHash());
            }
        }
    }

    private static void check(String runId, Workspace ws, String name, String model, String hash) throws RequestException {
        RouteSpec route = ws.routes().get(name);
        if (route == null || hash == null || hash.equals(RunPlan.routeHash(ws, route))) return;
        String what = model != null && !model.equals(route.model())
                ? "asks for model " + route.model() + " here, where the run asked for " + model
                : "is defined otherwise here than when the run called it (its base_url, params, headers or limits)";
        throw new RequestException("run", runId, "route " + name + " " + what + ": routes.yaml takes it from"
                + " environment variables, which read differently now. Resume calls the routes the run's answers came"
                + " from: set the variables as they were, or start a new run");
    }
}
