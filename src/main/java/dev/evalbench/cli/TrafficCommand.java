package dev.evalbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code evalbench traffic import|export}: production requests in and out of the history. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Import captured production requests as a traffic run, or export a run as OTLP spans.",
        subcommands = {TrafficImportCommand.class, TrafficExportCommand.class})
final class TrafficCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: `traffic import FILE` or `traffic export RUN --out FILE`");
    }
}
