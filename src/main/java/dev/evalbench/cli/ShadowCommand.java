package dev.evalbench.cli;

import dev.evalbench.core.json.Json;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.ReportService;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.service.ShadowService;
import dev.evalbench.core.shadow.FieldDifference;
import dev.evalbench.core.shadow.ShadowComparison;
import dev.evalbench.core.shadow.ShadowReport;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench shadow TRAFFIC-RUN --route R [--calibrate]}: the workspace as it is now over production's
 * captured inputs, acting on nothing, compared with what production did. Exit 0 when nothing changed beyond the
 * noise and the run-wide gates pass, 1 when something did, 2 bad input, 3 when the shadow run (or its calibration) was
 * left incomplete (its route down, or its breaker open): nothing is judged from part of the requests.
 */
@Command(name = "shadow", mixinStandardHelpOptions = true,
        description = "Replay a traffic run's captured inputs through the workspace as it is now (acting on nothing) and compare with production.")
final class ShadowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", paramLabel = "TRAFFIC-RUN", description = "The traffic run: id, id prefix or tag.")
    String trafficRef;

    @Option(names = "--route", required = true, paramLabel = "NAME", description = "The route the candidate runs on.")
    String route;

    @Option(names = "--calibrate", description = "Run production's path again on the same inputs and flag only differences beyond that noise.")
    boolean calibrate;

    @Option(names = "--margin", paramLabel = "POINTS", defaultValue = "0.05", description = "Absolute margin over the noise a field's difference rate must reach (default: ${DEFAULT-VALUE}).")
    double absolute;

    @Option(names = "--relative-margin", paramLabel = "R", defaultValue = "0.5", description = "Relative margin: the rate must also be at least noise x (1 + R) (default: ${DEFAULT-VALUE}).")
    double relative;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the verdict as a report folder (report.json, report.md).")
    Path out;

    @Mixin
    SigningOptions signing;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        KeyFiles keys = signing.keys(out, parent.env());
        Path workspace = workspaceOption.require(null);
        Workspace ws = Components.loadChecked(workspace, parent.env());
        if (!ws.routes().containsKey(route)) {
            throw new BadInputException("--route " + route + ": no such route (routes: " + String.join(", ", ws.routes().keySet()) + ")");
        }
        ShadowService.Result r;
        try (RunStore store = history.openExisting(workspace)) {
            r = new ShadowService(new RunService(Clock.systemUTC(), parent.env()), parent.env()).shadow(trafficRef, route, calibrate,
                    new ShadowComparison.Margins(absolute, relative), ws, workspace, store, RunListener.NONE, new Cancellation(), out,
                    keys == null ? null : keys.signer());
        }
        PrintWriter o = spec.commandLine().getOut();
        ShadowComparison.Result c = r.comparison();
        if (json) {
            var node = ShadowReport.toJson(c, r.gates(), r.passed(), r.traffic().id(), r.shadow().id(), r.calibrationRunId(), route, ws.name(),
                    r.rollback(), "evalbench");
            node.remove("generator");
            if (r.unfinished() != null) node.put("verdict", "incomplete");
            if (r.reportDir() != null) node.put("report", r.reportDir().toString());
            o.println(Json.MAPPER.writeValueAsString(node));
        } else {
            o.printf(Locale.ROOT, "shadow run %s over traffic run %s: %s%n", r.shadow().id(), r.traffic().id(),
                    r.unfinished() != null ? "incomplete" : r.passed() ? "no change beyond noise" : "changed");
            // Latency and cost as the gate table and the canary write them: "1,010 ms", "$0.000172".
            o.printf(Locale.ROOT, "  %,d requests; validation agrees %.1f%%, decision %.1f%%; p95 latency %,.0f -> %,.0f ms; cost per request $%.6f -> $%.6f%n",
                    c.compared(), 100 * c.validationAgreement(), 100 * c.decisionAgreement(), c.productionP95Ms(), c.candidateP95Ms(),
                    c.productionMeanCost(), c.candidateMeanCost());
            if (r.calibrationRunId() != null) o.println("  noise: production's path run again as " + r.calibrationRunId());
            for (FieldDifference f : c.fields()) {
                if (f.candidateDiffers() == 0 && !f.flagged()) continue;
                o.printf(Locale.ROOT, "  %-8s %-22s differs %5.1f%%%s%n", f.flagged() ? "FLAGGED" : "ok", f.field(), 100 * f.candidateRate(),
                        f.noiseDiffers() == null ? "" : String.format(Locale.ROOT, "  (noise %.1f%%)", 100 * f.noiseRate()));
            }
            c.flips().stream().limit(10).forEach(f -> o.println("  flip " + f.id() + " " + f.field() + ": " + f.production() + " -> " + f.candidate()));
            r.gates().verdicts().stream().filter(v -> !v.passed()).forEach(v -> o.println("  gate " + v.id() + " failed: " + v.detail()));
            if (r.reportDir() != null) o.println("wrote " + r.reportDir() + (keys == null ? "" : " (signed by " + keys.signedBy() + ")"));
            if (r.unfinished() != null) {
                o.println("INCOMPLETE: " + r.unfinished() + "; the figures above cover only the requests answered, so"
                        + " nothing is judged from them" + (out == null ? "" : " and no report is written")
                        + ": run shadow again once the route answers");
            }
        }
        o.flush();
        return r.unfinished() != null ? ExitCodes.INCOMPLETE : r.passed() ? ExitCodes.OK : ExitCodes.GATE_FAILED;
    }
}
