package dev.evalbench.cli;

import dev.evalbench.core.service.RequestException;
import dev.evalbench.core.service.StarterWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code evalbench init [DIR] [--name NAME]}: a new workspace that runs as it is ({@link StarterWorkspace}), in DIR
 * (the current folder by default; made when missing). Never writes over a file: a folder that holds a workspace or
 * any of the starter's files, or lies inside another workspace, is bad input (exit 2) and nothing is written. Prints
 * what was made and the next steps.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a workspace that runs as it is: one prompt, cases, safety probes, gates, an offline model.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "The workspace folder, made when missing (default: the current folder).")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME", description = "The workspace's name: lower-case letters, digits and '-'"
            + " (default: after the folder's name).")
    String name;

    @Override
    public Integer call() throws Exception {
        StarterWorkspace.Created created;
        try {
            created = StarterWorkspace.create(dir, name);
        } catch (RequestException e) {
            throw new BadInputException((e.field().equals("name") ? "--name " + e.value() + ": " : "") + e.reason(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean here = dir.toString().equals(".");
        out.println("created workspace " + created.name() + " in " + (here ? "the current folder" : dir) + ": "
                + String.join(", ", created.files()));
        out.println("next: evalbench run" + (here ? "" : " " + dir)
                + "     (offline, no key: a keyword model answers; the gates judge the run)");
        out.println("      evalbench open " + (here ? "." : dir) + "    (the workbench: edit the prompt, Ctrl+R)");
        out.flush();
        return ExitCodes.OK;
    }
}
