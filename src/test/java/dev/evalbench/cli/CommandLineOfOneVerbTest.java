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

    /**
     * Every verb's help opens with one "Usage:" naming it ("Usage: Usage: evalbench tag" once did, its synopsis
     * written by hand).
     */
    @Test
    void everyVerbsHelpStartsWithOneUsageLineThatNamesIt() {
        CommandLine all = EvalbenchCommand.commandLine(Map.of());
        for (CommandLine verb : all.getSubcommands().values()) {
            if (verb.getCommandSpec().userObject() instanceof CommandLine.HelpCommand) continue;
            String help = verb.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(help).as(verb.getCommandName()).startsWith("Usage: evalbench " + verb.getCommandName() + " ");
            assertThat(help.split("Usage:", -1)).as(verb.getCommandName() + ": one \"Usage:\"\n" + help).hasSize(2);
        }
    }

    /**
     * A help footer reads as written: a line that picocli wrapped mid-sentence ("printed and in the" / "report);",
     * or "a canary that" / "holds" at the margin under the list of exit codes) fails here. Each line of every
     * command's footer, as printed, must be one whose next word could not have fit on it, and no line after an
     * indented one may start at the margin.
     */
    @Test
    void everyHelpFooterIsPrintedWithoutALineBrokenEarly() {
        CommandLine all = EvalbenchCommand.commandLine(Map.of());
        List<CommandLine> commands = new java.util.ArrayList<>(List.of(all));
        commands.addAll(all.getSubcommands().values());
        int width = all.getUsageHelpWidth();
        for (CommandLine command : commands) {
            String footer = command.getHelp().footer();
            List<String> lines = footer.lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i);
                String next = lines.get(i + 1);
                if (line.isBlank() || next.isBlank()) continue;
                String firstWord = next.strip().split(" ", 2)[0];
                boolean nextAtMargin = !next.startsWith(" ");
                assertThat(nextAtMargin && line.startsWith(" ")).as("%s: an indented line's rest at the margin:%n%s",
                        command.getCommandName(), footer).isFalse();
                if (nextAtMargin) {
                    assertThat(line.stripTrailing().length() + 1 + firstWord.length())
                            .as("%s: \"%s\" would have fit on the line before it:%n%s", command.getCommandName(), firstWord, footer)
                            .isGreaterThan(width);
                }
            }
            lines.forEach(l -> assertThat(l.length()).as(command.getCommandName() + ": " + l).isLessThanOrEqualTo(width));
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

    /** `open` is handled before picocli (it starts the window): the top-level help still names it. */
    @Test
    void theTopLevelHelpNamesTheWindowAndItsOpen() {
        String help = execute(EvalbenchCommand.commandLine(Map.of()), new String[] {"--help"});
        assertThat(help).startsWith("0\n")
                .contains("\nNo command, `open DIR | RUN-FILE...`, or the path alone: opens the workbench.\n");
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
