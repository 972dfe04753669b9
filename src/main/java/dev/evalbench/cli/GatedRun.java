package dev.evalbench.cli;

import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.Counted;
import dev.evalbench.core.workspace.Workspace;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code run} and {@code resume} share: Ctrl-C becomes a clean cancel, progress goes to stderr unless
 * the output is JSON, and the stored run is gated and printed. Returns the documented exit code.
 */
final class GatedRun {
    /** The run itself: a new one or a resumed one. */
    interface Body {
        RunHeader run(RunListener progress, Cancellation cancellation) throws Exception;
    }

    private GatedRun() {}

    /**
     * A note for a run gated (or reported) without a baseline whose baseline gates failed for want of one while the
     * history has a run tagged {@code main}: the window gates against that run by itself, the command line only when
     * asked, and "none was given" alone does not say how to ask.
     */
    static java.util.Optional<String> baselineHint(dev.evalbench.core.gate.GateReport report, boolean baselineGiven,
                                                   RunStore store, String runId) throws dev.evalbench.core.store.StoreException {
        if (baselineGiven) return java.util.Optional.empty();
        if (report.verdicts().stream().noneMatch(v -> !v.passed() && v.needsBaseline())) return java.util.Optional.empty();
        return store.resolve("main").filter(id -> !id.equals(runId)).map(id -> "note: run " + id
                + " is tagged main; add --baseline main to gate against it (the workbench does so by itself)");
    }

    /**
     * @param resumeWith the words after {@code evalbench resume RUN} that finish the run from here (the
     *                   workspace or history options), shown when a signal stopped it
     */
    static int execute(CommandSpec spec, Map<String, String> env, RunStore store, Workspace gatesFrom, RunCases baseline,
                       GateOutputOptions output, boolean quiet, String resumeWith, Body body) throws Exception {
        output.resumeWith = resumeWith;
        Cancellation cancellation = new Cancellation();
        RunHeader header;
        boolean interrupted;
        try (InterruptGuard guard = new InterruptGuard(cancellation)) {
            RunListener progress = quiet || output.json ? RunListener.NONE
                    : ProgressPrinter.listener(spec.commandLine().getErr(), System.console() != null);
            header = body.run(progress, cancellation);
            interrupted = guard.interrupted();
        }
        if (interrupted && header.status() != dev.evalbench.core.record.RunStatus.COMPLETE) {
            var err = spec.commandLine().getErr();
            err.println("interrupted: run " + header.id() + " is incomplete (" + store.finishedKeys(header.id()).size() + " of "
                    + Counted.cases(header.plannedCases()) + " stored); finish it with `evalbench resume " + header.id()
                    + resumeWith + "`");
            err.flush();
            return ExitCodes.INCOMPLETE;
        }
        GateService.Gated gated = new GateService(env).gateStored(store, header.id(), gatesFrom, baseline);
        // Gated on the raw records; CI outputs leave the machine, so they are written from masked ones.
        GateOutput.MaskSource mask = () -> OutboundMasks.of(gatesFrom, store, env, gated.run().header(),
                baseline == null ? null : baseline.header());
        int exit = GateOutput.emit(gated.report(), mask, gated.run(), baseline, output, spec.commandLine().getOut(),
                spec.commandLine().getErr(), env);
        // After the verdict, where a reader of "none was given" looks next.
        baselineHint(gated.report(), baseline != null, store, header.id()).ifPresent(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        return exit;
    }
}
