package dev.evalbench.cli;

import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.service.PendingWorkspace;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench gate [--run RUN|FILE] [-w DIR]}: re-gate a stored run (or an exported one) with the workspace's
 * gates; no model is called.
 * {@code gate RUN -w DIR} names the run as {@code report}, {@code export} and {@code compare} do; a first argument
 * without {@code -w} is the workspace, as earlier versions documented.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, description = "Gate a stored run (the latest by default) without calling a model.")
final class GateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", hidden = true, description = "Same as --workspace (the older form).")
    Path positional;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--run", paramLabel = "RUN", defaultValue = "latest",
            description = "Run id, id prefix or tag, or an exported run or report (default: ${DEFAULT-VALUE}).")
    String runRef;

    @Mixin
    HistoryOptions history;

    @Mixin
    GateOutputOptions output;

    @Override
    public Integer call() throws Exception {
        output.check();
        String runRef = this.runRef;
        Path positional = this.positional;
        // "gate latest -w DIR", as "report latest -w DIR": with the workspace named, an argument that is not a
        // workspace folder is the run (unless --run named it too, which stays the "named twice" error).
        boolean runGiven = spec.commandLine().getParseResult().hasMatchedOption("--run");
        if (positional != null && workspaceOption.given != null && !runGiven
                && !Files.isRegularFile(positional.resolve("evalbench.yaml"))) {
            runRef = positional.toString();
            positional = null;
        }
        Path workspace = workspaceOption.require(positional);
        NotAsSigned.warn(spec.commandLine().getErr(), runRef, output.baseline);
        java.util.Optional<StoredRun> file = RunLookup.baselineFile(runRef);
        if (file.isPresent()) {
            // CI's exported run or report: its records were masked when it was written; its masks are the workspace's.
            try (RunStore store = history.openReadOnlyIfAny(workspace)) {
                Workspace ws = PendingWorkspace.start(workspace, parent.env(), file.get().header()).get();
                return gate(store, workspace, ws, RunCases.of(file.get()), false);
            }
        }
        // Gating renders nothing, so the folder is loaded without rendering every case (the run's cost, not the gate's).
        try (RunStore store = history.openReadOnly(workspace)) {
            RunHeader header = RunLookup.header(store, runRef);
            // The folder loads on a second thread while the cases are read: the two take about as long on a large run.
            PendingWorkspace loading = PendingWorkspace.start(workspace, parent.env(), header);
            RunCases run = RunLookup.runCases(store, header);
            return gate(store, workspace, loading.get(), run, true);
        }
    }

    /**
     * Gates {@code run} with {@code ws}'s gates (against --baseline when given) and prints it as GateOutput does; the
     * exit code. A run of the history ({@code inHistory}) is masked with its runs' snapshots too, and gets the hint to
     * gate against the run tagged main.
     */
    private int gate(RunStore store, Path workspace, Workspace ws, RunCases run, boolean inHistory) throws Exception {
        RunCases baseline = output.baseline == null ? null : RunLookup.baselineCases(store, output.baseline);
        output.resumeWith = history.namedBy(workspace);
        GateReport report = new GateService().gate(ws, run, baseline);
        // Gated on the raw records; CI outputs leave the machine, so they are written from masked ones.
        GateOutput.MaskSource mask = inHistory
                ? () -> OutboundMasks.of(ws, store, parent.env(), run.header(), baseline == null ? null : baseline.header())
                : () -> OutboundMasks.of(java.util.List.of(ws), parent.env());
        PrintWriter err = spec.commandLine().getErr();
        int exit = GateOutput.emit(report, mask, run, baseline, output, spec.commandLine().getOut(), err, parent.env());
        if (inHistory) GatedRun.baselineHint(report, baseline != null, store, run.header().id()).ifPresent(err::println);
        err.flush();
        return exit;
    }
}
