package dev.evalbench.core.service;

import dev.evalbench.core.canary.CanaryReport;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.otlp.Captures;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.RollbackTargets;
import dev.evalbench.core.report.model.RollbackTarget;
import dev.evalbench.core.report.sign.SigningInputException;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.shadow.ShadowAnswer;
import dev.evalbench.core.shadow.ShadowComparison;
import dev.evalbench.core.shadow.ShadowReport;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.traffic.TrafficRecords;
import dev.evalbench.core.traffic.TrafficRequest;
import dev.evalbench.core.workspace.EvalCase;
import dev.evalbench.core.workspace.SuiteKind;
import dev.evalbench.core.workspace.SuiteSpec;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code evalbench shadow TRAFFIC-RUN --route R}: runs the workspace as it is now over a traffic run's captured
 * inputs (its template variables, read back from the capture snapshot) as a {@link RunKind#SHADOW} run, and
 * compares it with what production did ({@link ShadowComparison}). Nothing acts: Evalbench executes no tool
 * call and no action; each decision is only recorded. With calibration, production's path (the workspace as
 * the traffic run's import snapshotted it, on the route production used) is run again over the same inputs, and
 * a field is flagged only when the candidate differs from production beyond that noise. The verdict passes when
 * no field is flagged and the workspace's run-wide gates ({@link dev.evalbench.core.gate.GateEvaluator#appliesToTraffic}) pass on the shadow run. Blocking (it calls the route); the store stays the caller's.
 */
public final class ShadowService {
    public static final String SUITE = "shadow";

    /**
     * What was run and found. {@code calibrationRunId} is null without calibration; {@code reportDir} without --out, or
     * when a run was left incomplete. {@code unfinished} says why the shadow run or its calibration stands incomplete
     * ("run … is incomplete (8 of 20 requests stored: 12 cases not sent: …)"), else null. When it is set nothing is
     * judged (never passed, no report): the comparison covers only the requests that were answered.
     */
    public record Result(RunHeader traffic, RunHeader shadow, String calibrationRunId, ShadowComparison.Result comparison,
                         GateReport gates, boolean passed, RollbackTarget rollback, Path reportDir, String reportSha256,
                         String unfinished) {}

    private final RunService runs;
    private final Map<String, String> env;

    public ShadowService(RunService runs, Map<String, String> env) {
        this.runs = runs;
        this.env = Map.copyOf(env);
    }

    public Result shadow(String trafficRef, String route, boolean calibrate, ShadowComparison.Margins margins, Workspace current,
                         Path workspaceDir, RunStore store, RunListener listener, Cancellation cancellation, Path out,
                         ReportService.Signer signer) throws WorkspaceException, StoreException, IOException, SigningInputException {
        StoredRun traffic = RunLookup.run(store, trafficRef);
        if (traffic.header().kind() != RunKind.TRAFFIC) {
            throw new RequestException("run", trafficRef, "run " + traffic.id() + " is not a traffic run: shadow replays captured production requests");
        }
        List<TrafficRequest> captured = Captures.stored(traffic.header(), Captures.captureSha256(traffic.cases()), store)
                .map(Captures.Parsed::requests).orElse(List.of()).stream().filter(r -> r.vars() != null).toList();
        if (captured.isEmpty()) {
            throw new RequestException("run", trafficRef, "traffic run " + traffic.id() + " kept no template variables (\"vars\"): nothing to replay");
        }
        String promptId = mostCommon(captured, TrafficRequest::promptId);
        if (!current.prompts().containsKey(promptId)) {
            throw new RequestException("workspace", String.valueOf(workspaceDir), "production used prompt \"" + promptId + "\", which the workspace lacks");
        }
        SuiteSpec suite = suite(captured, promptId, Captures.captureSha256(traffic.cases()));
        RunHeader shadow = runs.run(withSuite(current, suite), workspaceDir, new RunConfig(List.of(route), List.of(SUITE), 1, 8, "off"),
                store, listener, cancellation, RunKind.SHADOW);
        String calibrationId = null;
        List<ShadowAnswer> secondary = null;
        String unfinished = unfinished(store, shadow);
        if (calibrate) {
            Workspace production = Components.loadSnapshot(traffic.header(), store, env);
            String productionRoute = mostCommon(captured, TrafficRequest::route);
            if (!production.routes().containsKey(productionRoute)) {
                throw new RequestException("run", trafficRef, "production's route \"" + productionRoute + "\" is not in the workspace its import snapshotted");
            }
            RunHeader again = runs.run(withSuite(production, suite), workspaceDir,
                    new RunConfig(List.of(productionRoute), List.of(SUITE), 1, 8, "off"), store, listener, cancellation, RunKind.SHADOW);
            calibrationId = again.id();
            secondary = answers(store.cases(again.id()));
            if (unfinished == null) unfinished = unfinished(store, again);
        }
        ShadowComparison.Result comparison = ShadowComparison.compare(answers(traffic.cases()), answers(store.cases(shadow.id())), secondary, margins);
        Workspace gated = new Workspace(current.name(), current.description(), current.files(), current.defaultRoute(), current.preprocess(),
                current.preprocessHash(), List.of(suite), current.prompts(), current.routes(), current.policy(),
                current.gates().stream().filter(dev.evalbench.core.gate.GateEvaluator::appliesToTraffic).toList(),
                current.inputDigests(), current.unsetVariables());
        GateReport gates = new GateService(env).gate(gated, RunLookup.runCases(store, shadow.id()), (RunCases) null);
        boolean passed = unfinished == null && gates.passed() && comparison.flagged().isEmpty();
        RollbackTarget rollback = RollbackTargets.of(traffic.header(), traffic.cases().stream().map(CaseRecord::versions)
                .filter(java.util.Objects::nonNull).toList());
        if (out == null || unfinished != null) {
            return new Result(traffic.header(), shadow, calibrationId, comparison, gates, passed, rollback, null, null,
                    unfinished);
        }
        var json = ShadowReport.toJson(comparison, gates, passed, traffic.id(), shadow.id(), calibrationId, route, current.name(), rollback,
                "evalbench " + AppInfo.appVersion());
        String sha = CanaryReport.write(json, ShadowReport.markdown(json, comparison, rollback), out, shadow.inputs(),
                signer == null ? null : signer.privateKey(), signer == null ? null : signer.publicKey(), shadow.id(), traffic.id(),
                current.name(), passed);
        return new Result(traffic.header(), shadow, calibrationId, comparison, gates, passed, rollback, out, sha, null);
    }

    /**
     * Why {@code run} stands incomplete ("run … is incomplete (8 of 20 requests stored: 12 cases not sent: …)"), or
     * null when it is complete.
     */
    private static String unfinished(RunStore store, RunHeader run) throws StoreException {
        if (run.status() == dev.evalbench.core.record.RunStatus.COMPLETE) return null;
        var why = dev.evalbench.core.record.RunEvent.whyIncomplete(run.status(), store.events(run.id()));
        return "run " + run.id() + " is incomplete (" + store.finishedKeys(run.id()).size() + " of " + run.plannedCases()
                + " requests stored" + (why == null ? "" : ": " + dev.evalbench.core.record.EventWords.happened(why)) + ")";
    }

    /** The captured requests as the cases of one task suite with nothing expected: replayed, not scored. */
    private static SuiteSpec suite(List<TrafficRequest> captured, String promptId, String captureSha256) {
        List<EvalCase> cases = new ArrayList<>();
        int line = 0;
        for (TrafficRequest r : captured) cases.add(new EvalCase(r.id(), r.vars(), null, List.of(), List.of(), null, false, "capture", ++line));
        return new SuiteSpec(SUITE, SuiteKind.TASK, promptId, "capture", TrafficRecords.EVAL_SET, List.of(), List.of(), null,
                captureSha256, cases);
    }

    private static Workspace withSuite(Workspace ws, SuiteSpec suite) {
        return new Workspace(ws.name(), ws.description(), ws.files(), ws.defaultRoute(), ws.preprocess(), ws.preprocessHash(),
                List.of(suite), ws.prompts(), ws.routes(), ws.policy(), ws.gates(), ws.inputDigests(), ws.unsetVariables());
    }

    private static List<ShadowAnswer> answers(List<CaseRecord> cases) {
        List<ShadowAnswer> out = new ArrayList<>();
        for (CaseRecord c : cases) {
            String validation = c.rawOutput() == null ? TrafficRequest.NO_OUTPUT : c.schemaValid() ? TrafficRequest.VALID : TrafficRequest.INVALID;
            out.add(ShadowAnswer.of(c.key().caseId(), validation, c.finalAction(), c.rawOutput(), c.latencyMs(), c.costUsd()));
        }
        return out;
    }

    private static String mostCommon(List<TrafficRequest> requests, Function<TrafficRequest, String> value) {
        return requests.stream().map(value).filter(java.util.Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }
}
