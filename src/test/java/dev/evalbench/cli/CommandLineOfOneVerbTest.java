package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The launcher builds only the verb a command line names ({@link EvalbenchCommand#commandLine(Map, String[])});
 * what each verb prints and returns must be what the whole command tree gives.
 */
class CommandLineOfOneVerbTest {
    /** Help and a usage error only: a verb run for real (keygen with no arguments) would write to the user's folders. */
    @Test
    void everyVerbsHelpAndUsageErrorsReadAsWithEveryVerb() {
        for (Class<?> verb : EvalbenchCommand.VERBS) {
            if (verb == CommandLine.HelpCommand.class) continue;
            String name = verb.getAnnotation(CommandLine.Command.class).name();
            for (List<String> args : List.of(List.of(name, "--help"), List.of(name, "--no-such-option"))) {
                String[] a = args.toArray(String[]::new);
                assertThat(execute(EvalbenchCommand.commandLine(Map.of(), a), a))
                        .as(String.join(" ", args)).isEqualTo(execute(EvalbenchCommand.commandLine(Map.of()), a));
            }
        }
    }

    @Test
    void onlyTheNamedVerbIsBuiltAndAnythingElseGetsThemAll() {
        assertThat(EvalbenchCommand.commandLine(Map.of(), new String[] {"gate", "ws"}).getSubcommands()).containsOnlyKeys("gate");
        assertThat(EvalbenchCommand.commandLine(Map.of(), new String[] {"gat"}).getSubcommands()).hasSize(EvalbenchCommand.VERBS.size());
        assertThat(EvalbenchCommand.commandLine(Map.of(), new String[] {"help", "run"}).getSubcommands()).containsKey("run");
        assertThat(execute(EvalbenchCommand.commandLine(Map.of(), new String[] {"gat"}), new String[] {"gat"}))
                .as("a mistyped verb is answered from all of them").contains("gate");
    }

    private static String execute(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return exit + "\n--- out\n" + out + "\n--- err\n" + err;
    }
}
