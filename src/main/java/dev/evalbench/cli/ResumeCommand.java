package dev.evalbench.cli;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunHeader;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.run.StoredRun;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.store.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench resume RUN}: finish an incomplete run from the inputs it snapshotted; cases already stored
 * are not run again. Gates with the workspace's current gates, like {@code run}.
 */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Finish an incomplete run without running its finished cases again.")
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id, id prefix or tag.")
    String runRef;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: the current folder).")
    Path workspace = Path.of(".");

    @Option(names = "--concurrency", paramLabel = "N", description = "Cases in flight at once (default: as the run was started).")
    Integer concurrency;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Mixin
    HistoryOptions history;

    @Mixin
    GateOutputOptions output;

    @Override
    public Integer call() throws Exception {
        var env = parent.env();
        try (RunStore store = history.openExisting(workspace)) {
            StoredRun baseline = output.baseline == null ? null : RunLookup.baseline(store, output.baseline);
            Cancellation cancellation = new Cancellation();
            RunHeader header;
            try (InterruptGuard guard = new InterruptGuard(cancellation)) {
                RunListener progress = quiet || output.json ? RunListener.NONE
                        : new ProgressPrinter(spec.commandLine().getErr(), System.console() != null);
                header = new RunService(Clock.systemUTC(), env).resume(runRef, workspace, store, concurrency, progress, cancellation);
            }
            StoredRun run = RunLookup.run(store, header.id());
            var ws = Components.loadChecked(workspace, env);
            GateReport report = new GateService().gate(ws, run, baseline);
            return GateOutput.emit(report, run, baseline, output, spec.commandLine().getOut(), spec.commandLine().getErr(), env);
        }
    }
}
