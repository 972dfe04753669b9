package dev.evalbench.cli;

import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.service.PendingWorkspace;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
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
        java.util.Optional<Path> file = RunLookup.runFile(runRef);
        if (file.isPresent()) return gateFile(file.get(), workspace);
        // Gating renders nothing, so the folder is loaded without rendering every case (the run's cost, not the gate's).
        try (RunStore store = history.openReadOnly(workspace)) {
            RunHeader header = RunLookup.header(store, runRef);
            // The folder loads on a second thread while the cases are read: the two take about as long on a large run.
            PendingWorkspace loading = PendingWorkspace.start(workspace, parent.env(), header);
            RunCases run = RunLookup.runCases(store, header);
            Workspace ws = loading.get();
            RunCases baseline = output.baseline == null ? null : RunLookup.baselineCases(store, output.baseline);
            output.resumeWith = history.namedBy(workspace);
            GateReport report = new GateService().gate(ws, run, baseline);
            // Gated on the raw records; CI outputs leave the machine, so they are written from masked ones.
            GateOutput.MaskSource mask = () -> OutboundMasks.of(ws, store, parent.env(), run.header(),
                    baseline == null ? null : baseline.header());
            int exit = GateOutput.emit(report, mask, run, baseline, output, spec.commandLine().getOut(), spec.commandLine().getErr(), parent.env());
            GatedRun.baselineHint(report, baseline != null, store, header.id()).ifPresent(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().flush();
            return exit;
        }
    }

    /**
     * {@code gate --run FILE}: an exported run or a report (CI's artifact) gated with the workspace's gates, as a
     * run of the history is; it read "no run, tag or run file named" of the file. A file's records were masked when
     * it was written; the outputs are masked with the workspace too.
     */
    private int gateFile(Path file, Path workspace) throws Exception {
        dev.evalbench.core.record.StoredRun stored;
        try {
            stored = dev.evalbench.core.service.RunFiles.open(file).run();
        } catch (dev.evalbench.core.store.RunFileException e) {
            throw new dev.evalbench.core.workspace.WorkspaceException(
                    new dev.evalbench.core.workspace.InputError(e.file(), e.line(), e.column(), e.problem()));
        }
        try (RunStore store = history.openReadOnlyIfAny(workspace)) {
            Workspace ws = PendingWorkspace.start(workspace, parent.env(), stored.header()).get();
            RunCases run = RunCases.of(stored);
            RunCases baseline = output.baseline == null ? null : RunLookup.baselineCases(store, output.baseline);
            output.resumeWith = history.namedBy(workspace);
            GateReport report = new GateService().gate(ws, run, baseline);
            GateOutput.MaskSource mask = () -> OutboundMasks.of(java.util.List.of(ws), parent.env());
            int exit = GateOutput.emit(report, mask, run, baseline, output, spec.commandLine().getOut(),
                    spec.commandLine().getErr(), parent.env());
            spec.commandLine().getErr().flush();
            return exit;
        }
    }
}
