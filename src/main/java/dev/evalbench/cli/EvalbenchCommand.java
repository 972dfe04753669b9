package dev.evalbench.cli;

import dev.evalbench.core.run.AppInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code evalbench} command: a list of verbs, each a thin command over a core service. */
@Command(name = "evalbench",
        mixinStandardHelpOptions = true,
        versionProvider = EvalbenchCommand.Version.class,
        // `open` is the launcher's, not a picocli verb (it starts the window's JVM): said here, or --help hid it.
        description = {"Eval gates for LLM features: run a workspace's suites, gate the run, compare and report.",
                "No command, `open DIR | RUN-FILE...`, or the path alone: opens the workbench."},
        // One line an element: picocli wraps an element longer than the help's 80 columns at the margin.
        footer = {"", "Exit codes:",
                "  0  every gate passed; report, compare, export: the output is written",
                "  1  a gate failed, or a signature is invalid",
                "  2  bad input or usage (nothing written)",
                "  3  the run could not complete: kept as incomplete, `evalbench resume RUN`",
                "     finishes it (canary: hold, not enough evidence yet)"})
public final class EvalbenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.util.Map<String, String> env;

    EvalbenchCommand(java.util.Map<String, String> env) {
        this.env = env;
    }

    /** The environment the commands read (route variables, API keys, GITHUB_ACTIONS); tests pass their own. */
    java.util.Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. `evalbench run workspaces/support-triage`");
    }

    /** The verbs, in the order help lists them. */
    static final java.util.List<Class<?>> VERBS = java.util.List.of(InitCommand.class, ValidateCommand.class, RunCommand.class,
            GateCommand.class, HistoryCommand.class, ResumeCommand.class, TagCommand.class, ExportCommand.class,
            CompareCommand.class, ReportCommand.class, KeygenCommand.class, VerifyCommand.class, ApproveCommand.class,
            TrafficCommand.class, CanaryCommand.class, ShadowCommand.class, CompletionCommand.class,
            CommandLine.HelpCommand.class);

    /** Whether {@code word} is a verb's name ({@code run}, {@code help}, ...), as the first word of a command line. */
    public static boolean isVerb(String word) {
        for (Class<?> verb : VERBS) {
            if (verb.getAnnotation(Command.class).name().equals(word)) return true;
        }
        return false;
    }

    /** Builds the command line with the exit-code mapping every verb shares. */
    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line reading {@code env} instead of the process environment. */
    public static CommandLine commandLine(java.util.Map<String, String> env) {
        return withVerbs(env, VERBS);
    }

    /**
     * The command line for {@code args}, with only the verb they name when their first word names one: picocli
     * builds its model of a command by reflection, and building all sixteen cost a short command about a tenth
     * of a second of CPU. Anything else ({@code --help}, {@code help run}, a mistyped verb, which picocli answers
     * with suggestions from all of them) gets every verb. What is printed and returned is the same either way
     * (CommandLineOfOneVerbTest).
     */
    public static CommandLine commandLine(java.util.Map<String, String> env, String[] args) {
        if (args.length == 0) return commandLine(env);
        for (Class<?> verb : VERBS) {
            Command command = verb.getAnnotation(Command.class);
            if (verb != CommandLine.HelpCommand.class && command.name().equals(args[0])) {
                return withVerbs(env, java.util.List.of(verb));
            }
        }
        return commandLine(env);
    }

    private static CommandLine withVerbs(java.util.Map<String, String> env, java.util.List<Class<?>> verbs) {
        CommandLine cl = new CommandLine(new EvalbenchCommand(env));
        for (Class<?> verb : verbs) {
            cl.addSubcommand(verb);
        }
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** What {@code --version} prints. */
    public static String versionText() {
        return "evalbench " + AppInfo.appVersion();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {versionText()};
        }
    }
}
