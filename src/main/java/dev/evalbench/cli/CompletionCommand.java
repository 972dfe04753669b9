package dev.evalbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code evalbench completion}: prints a completion script for bash (and zsh, through its bash completion) that
 * completes every command and option: {@code source <(evalbench completion)}. The script is picocli's, made from the
 * model of every verb (this command runs in a command line holding its own verb alone). Writes nothing else.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash and zsh: source <(evalbench completion).")
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    EvalbenchCommand parent;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("evalbench", EvalbenchCommand.commandLine(parent.env())));
        out.flush();
        return ExitCodes.OK;
    }
}
