package dev.evalbench.cli;

import dev.evalbench.core.otlp.SpanExport;
import picocli.CommandLine.Model.CommandSpec;

/** How {@code traffic export} and {@code run --otlp} word a span export: a line, or JSON; 3 when not delivered. */
final class OtlpOutcome {
    private OtlpOutcome() {}

    static int print(CommandSpec spec, SpanExport.Result result, boolean json) throws Exception {
        if (json) {
            JsonOut.print(spec.commandLine().getOut(), JsonOut.object().put("spans", result.spans())
                    .put("target", result.target()).put("delivered", result.ok()).put("failure", result.failure()));
        } else if (result.ok()) {
            spec.commandLine().getOut().println("sent " + result.spans() + " spans to " + result.target());
            spec.commandLine().getOut().flush();
        }
        if (!result.ok()) {
            spec.commandLine().getErr().println("error: " + result.failure());
            spec.commandLine().getErr().flush();
            return ExitCodes.INCOMPLETE;
        }
        return ExitCodes.OK;
    }

    /**
     * After a run: the spans' line on stderr (stdout is the gate output), and 3 only when they were not delivered.
     *
     * @param sendAgain the command that sends the stored run's spans again: {@code traffic export RUN …}
     */
    static int afterRun(CommandSpec spec, SpanExport.Result result, int gateExit, String sendAgain) {
        var err = spec.commandLine().getErr();
        if (result.ok()) {
            err.println("sent " + result.spans() + " spans to " + result.target());
            err.flush();
            return gateExit;
        }
        err.println("error: " + result.failure() + " (the run is stored; send it again with `evalbench " + sendAgain
                + " --out " + result.target() + "`)");
        err.flush();
        return ExitCodes.INCOMPLETE;
    }
}
