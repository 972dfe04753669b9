package dev.evalbench.cli;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.report.ReportFiles;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.model.ReportedRun;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.ReportService;
import dev.evalbench.core.service.RunGates;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.gate.ci.UnansweredGates;
import dev.evalbench.core.gate.ci.VerdictCells;
import dev.evalbench.core.text.Counted;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench report RUN [--baseline B] --out DIR [--sign KEY [--pub PUB]]}: writes report.json
 * (canonical, readable back as a baseline), report.md and report.html into DIR and, with {@code --sign},
 * report.intoto.json. Keys are checked before anything is written. Exit 0 once the files are written, whatever
 * the gates said (the verdict is printed, and is in the files): {@code run} and {@code gate} judge, a report
 * reports. 2 for bad input (nothing written).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a run's report (report.json, report.md, report.html) and optionally sign it.",
        // One paragraph, one element: picocli wraps it; two elements broke the sentence in the middle of a line.
        footer = {"", "Exit 0 once the report is written, whatever the gates said (the verdict is printed and in the "
                + "report); 2 bad input (nothing written). `evalbench gate` is the command that judges."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id, id prefix, tag, latest or latest~N (the N-th run before the latest).")
    String runRef;

    @Option(names = "--baseline", paramLabel = "RUN|TAG|FILE", description = "Compare with this run: an id, a tag, or an exported run file, a report folder or its report.json.")
    String baseline;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the report files into.")
    Path out;

    @Mixin
    SigningOptions signing;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        KeyFiles keys = signing.keys(out, parent.env());
        if (Files.exists(out) && !Files.isDirectory(out)) throw new BadInputException(out + ": not a folder");
        dev.evalbench.core.io.OutputFolder.check(out, out);
        // Under --json the text lines go nowhere and one object is printed at the end.
        PrintWriter o = json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
        Path workspace = history.workspace(workspaceOption, null);
        NotAsSigned.warn(spec.commandLine().getErr(), runRef, baseline);
        try (RunStore store = history.openReadOnly(workspace)) {
            ReportService.Signer signer = keys == null ? null : keys.signer();
            ReportService.Result written = new ReportService(store, new GateService(parent.env()))
                    .write(runRef, baseline, workspace, out, signer);
            ReportedRun run = written.run();
            StoredRun base = written.baseline();
            GateReport verdicts = written.verdicts();
            ReportFiles files = written.files();
            RunGates gates = written.gates();
            Path envelope = out.resolve(ReportSigner.ENVELOPE);
            o.println("wrote " + files.json() + " (sha256 " + files.jsonSha256() + ")");
            o.println("wrote " + files.markdown());
            o.println("wrote " + files.html());
            if (written.envelope() != null) {
                // report.json, report.md and the run's inputs
                o.println("wrote " + envelope + " (signed by " + keys.signedBy() + ", " + (run.header().inputs().size() + 2)
                        + " subjects)");
            } else if (written.staleEnvelope() != null) {
                o.println("note: " + envelope + " was left as it is; it signs the report.json it was made with (verify tells)");
            }
            long failed = verdicts.verdicts().stream().filter(v -> !v.passed()).count();
            if (json) {
                var node = JsonOut.object().put("run_id", run.id()).put("baseline_run_id", base == null ? null : base.id())
                        .put("status", run.header().status() == dev.evalbench.core.record.RunStatus.COMPLETE ? "complete" : "incomplete")
                        .put("passed", verdicts.passed()).put("gates_failed", failed)
                        .put("report_json", files.json().toString()).put("report_json_sha256", files.jsonSha256())
                        .put("report_md", files.markdown().toString()).put("report_html", files.html().toString())
                        .put("envelope", keys == null ? null : envelope.toString())
                        .put("signed_by", keys == null ? null : keys.keyId()).put("gates_from", gates.source());
                JsonOut.print(spec.commandLine().getOut(), node);
                return ExitCodes.OK;
            }
            // An outage's gates measured the outage, and so did those of a route that answered none of its cases: none
            // is counted as failed, as the report's headline says it.
            UnansweredGates unanswered = run.unanswered();
            boolean outage = unanswered.wholeRun();
            String routes = unanswered.routesHeadline(verdicts.verdicts());
            String incomplete = run.header().status() == dev.evalbench.core.record.RunStatus.COMPLETE ? ""
                    : "run " + run.id() + " is incomplete" + (outage || routes != null ? ": " : "; ");
            o.println("verdict: " + incomplete + (outage ? VerdictCells.outageHeadline(verdicts.verdicts())
                    : routes != null ? routes
                    : failed == 0
                    ? Counted.allGatesPass(verdicts.verdicts().size(), verdicts.notRun())
                    : Counted.gatesFailed(failed, verdicts.verdicts().size(), verdicts.notRun()))
                    + " (gates from " + gates.source() + ")");
            o.flush();
            GatedRun.baselineHint(verdicts, base != null, store, run.id()).ifPresent(spec.commandLine().getErr()::println);
            return ExitCodes.OK;
        }
    }
}
