package dev.evalbench.cli;

import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.EditsSinceRun;
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

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--concurrency", paramLabel = "N", description = "Cases in flight at once (default: as the run was started).")
    Integer concurrency;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--otlp", paramLabel = "FILE|URL", description = "Once finished, send every case as an OpenTelemetry span: OTLP JSON Lines to a file, or OTLP/HTTP to a collector URL.")
    String otlp;

    @Mixin
    HistoryOptions history;

    @Mixin
    GateOutputOptions output;

    @Override
    public Integer call() throws Exception {
        output.check();
        OutputFile.checkOtlp(otlp);
        var env = parent.env();
        Path workspace = history.workspace(workspaceOption, null);
        // The gates come from the workspace as it is now, like `gate`; the cases run on the run's own inputs.
        // Given only --db, the run's own snapshot supplies both.
        var current = workspace == null ? null : Components.loadChecked(workspace, env);
        try (RunStore store = history.openExisting(workspace)) {
            RunCases baseline = output.baseline == null ? null : RunLookup.baselineCases(store, output.baseline);
            RunHeader header = RunLookup.header(store, runRef);
            // Before the work: a fix made in the folder since (a model name the server did not know) is not in it.
            String edits = header.status() == RunStatus.INCOMPLETE ? EditsSinceRun.note(header, current) : null;
            if (edits != null) spec.commandLine().getErr().println("note: " + edits);
            var ws = current != null ? current : Components.loadSnapshot(header, store, env);
            Path dir = workspace != null ? workspace : RunService.resumeFolder(header, history.dbFor(null));
            int exit = GatedRun.execute(spec, env, store, ws, baseline, output, quiet, history.namedBy(workspace), (progress, cancellation) ->
                    new RunService(Clock.systemUTC(), env).resume(runRef, dir, store, concurrency, progress, cancellation));
            // An interrupted resume sends nothing: the spans of a run go out once it is whole.
            if (otlp == null || exit == ExitCodes.INCOMPLETE) return exit;
            var sent = dev.evalbench.core.service.TrafficSpans.send(RunLookup.run(store, header.id()), ws, store, env, otlp);
            return OtlpOutcome.afterRun(spec, sent, exit,
                    "traffic export " + header.id() + history.namedBy(workspace));
        }
    }
}
