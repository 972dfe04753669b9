package dev.evalbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.canary.CanaryOptions;
import dev.evalbench.core.canary.CanaryReport;
import dev.evalbench.core.canary.CanaryVerdict;
import dev.evalbench.core.canary.MetricJudgement;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.service.CanaryService;
import dev.evalbench.core.service.ReportService;
import dev.evalbench.core.store.RunStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench canary CONTROL CANARY}: promote, hold or roll back a canary from two traffic runs. Exit 0
 * promote, 1 roll back (a gate failed), 3 hold (not enough evidence yet: collect more traffic and judge again),
 * 2 bad input.
 */
@Command(name = "canary", mixinStandardHelpOptions = true,
        description = "Judge a canary against its control from two traffic runs: promote (exit 0), roll back (1) or hold (3).")
final class CanaryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", paramLabel = "CONTROL", description = "The control's traffic run: id, id prefix or tag.")
    String control;

    @Parameters(index = "1", paramLabel = "CANARY", description = "The canary's traffic run: id, id prefix or tag.")
    String canary;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the verdict as a report folder (report.json, report.md).")
    Path out;

    @Mixin
    SigningOptions signing;

    @Option(names = "--min-samples", paramLabel = "N", defaultValue = "100", description = "Requests each run needs before anything but hold (default: ${DEFAULT-VALUE}).")
    int minSamples;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.05", description = "Significance level of each test (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        if (!(alpha > 0 && alpha < 1)) throw new BadInputException("--alpha must be between 0 and 1, not " + alpha);
        if (minSamples < 2) throw new BadInputException("--min-samples must be at least 2, not " + minSamples);
        KeyFiles keys = signing.keys(out, parent.env());
        CanaryOptions options = new CanaryOptions(alpha, minSamples, CanaryOptions.DEFAULTS.passScore(), CanaryOptions.DEFAULTS.marginalScore());
        Path workspace = history.workspace(workspaceOption, null);
        CanaryService.Result r;
        try (RunStore store = history.openReadOnly(workspace)) {
            r = new CanaryService(store).judge(control, canary, options, out,
                    keys == null ? null : keys.signer());
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode node = CanaryReport.toJson(r.result(), r.control(), r.canary(),
                    r.rollback(), "evalbench");
            node.remove("generator");
            if (r.reportDir() != null) node.put("report", r.reportDir().toString());
            o.println(Json.MAPPER.writeValueAsString(node));
        } else {
            o.println("canary " + r.result().canaryRunId() + " vs control " + r.result().controlRunId() + ": "
                    + r.result().verdict().words() + " (" + r.result().reason() + ")");
            for (MetricJudgement m : r.result().metrics()) {
                o.printf(Locale.ROOT, "  %-4s %-22s %-8s %s%n", m.mark(), m.metric().label(), m.statusWords(), m.detail());
            }
            if (r.rollback() != null) {
                o.println("rollback target: prompt " + r.rollback().promptId() + " r" + r.rollback().promptRevision() + ", policy r"
                        + r.rollback().policyRevision() + ", route " + r.rollback().route() + " (run " + r.rollback().runId() + ")");
            }
            if (r.reportDir() != null) o.println("wrote " + r.reportDir() + (keys == null ? "" : " (signed by " + keys.signedBy() + ")"));
            Path envelope = r.reportDir() == null ? null : r.reportDir().resolve(ReportSigner.ENVELOPE);
            if (keys == null && envelope != null && java.nio.file.Files.exists(envelope)) {
                o.println("note: " + envelope + " was left as it is; it signs the report.json it was made with (verify tells)");
            }
        }
        o.flush();
        return r.result().verdict() == CanaryVerdict.PROMOTE ? ExitCodes.OK
                : r.result().verdict() == CanaryVerdict.ROLL_BACK ? ExitCodes.GATE_FAILED : ExitCodes.INCOMPLETE;
    }
}
