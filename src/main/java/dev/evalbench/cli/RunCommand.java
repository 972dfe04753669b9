package dev.evalbench.cli;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.service.RunService;
import dev.evalbench.core.service.RevisionReuse;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evalbench run [WORKSPACE]}: validate, run every suite on the chosen routes, store, gate. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the workspace's suites, store every case, and gate the run.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", hidden = true, description = "Same as --workspace (the older form).")
    Path positional;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--route", split = ",", paramLabel = "NAME",
            description = "Route to run (repeatable, or several at once: offline,openai; default: the workspace's "
                    + "default_route).")
    List<String> routes = new ArrayList<>();

    @Option(names = "--suite", split = ",", paramLabel = "NAME",
            description = "Suite to run (repeatable, or several at once: triage,safety; default: every suite).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--tag", split = ",", paramLabel = "TAG",
            description = "Run only the cases carrying this dataset tag (repeatable, or several at once: de,ch; any of them).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--case", split = ",", paramLabel = "ID",
            description = "Run only the case with this id (repeatable, or several at once: t001,t002).")
    List<String> caseIds = new ArrayList<>();

    @Option(names = "--failing-of", paramLabel = "RUN", description = "Run again only the cases that did not pass in this stored run (an id, a tag such as main, or latest), on its routes and with its repeat.")
    String failingOf;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Cases in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "1", description = "Samples per case (default: ${DEFAULT-VALUE}); samples after the first bypass the cache.")
    int repeat;

    @Option(names = "--cache", paramLabel = "MODE", defaultValue = "read-write", description = "Response cache: read-write, read or off (default: ${DEFAULT-VALUE}).")
    String cache;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Option(names = "--otlp", paramLabel = "FILE|URL", description = "Also send every case as an OpenTelemetry span: OTLP JSON Lines to a file, or OTLP/HTTP to a collector URL.")
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
        if (!List.of("read-write", "read", "off").contains(cache)) {
            throw new BadInputException("--cache must be read-write, read or off, not \"" + cache + "\"");
        }
        Path workspace = workspaceOption.require(positional);
        Workspace ws = Components.loadChecked(workspace, env);
        List<String> chosen = routes.isEmpty() ? List.of(ws.defaultRoute()) : routes;
        RunConfig config = failingOf == null ? new RunConfig(chosen, suites, repeat, concurrency, cache, tags, caseIds)
                : failingConfig(workspace);
        if (config == null) return ExitCodes.OK;
        RunService service = new RunService(Clock.systemUTC(), env);
        try {
            service.check(ws, config);
        } catch (dev.evalbench.core.service.RequestException e) {
            // The ids came from the stored run, not from the user: say so, or "--case" would name a flag never given.
            if (failingOf == null || !e.field().equals("caseIds")) throw e;
            throw new BadInputException("--failing-of " + failingOf + ": its failing case " + e.value() + " is no longer in "
                    + "the suites it ran; name the cases still there with --case, or run the suites whole");
        }
        // Every input is checked before anything is created: a baseline file is read now, and a baseline
        // named by run or tag needs a history that already exists.
        NotAsSigned.warn(spec.commandLine().getErr(), output.baseline);
        StoredRun fileBaseline = output.baseline == null ? null : RunLookup.baselineFile(output.baseline).orElse(null);
        if (output.baseline != null && fileBaseline == null && !Files.isRegularFile(history.dbFor(workspace))) {
            throw new BadInputException("--baseline " + output.baseline + ": no such file, and no run history at "
                    + history.dbFor(workspace) + " to find a run or tag of that name in");
        }
        try (RunStore store = history.open(workspace)) {
            for (String warning : RevisionReuse.warnings(ws, store)) {
                spec.commandLine().getErr().println("warning: " + warning);
            }
            // Resolve the baseline before running, so a typo costs nothing.
            RunCases baseline = fileBaseline != null ? RunCases.of(fileBaseline)
                    : output.baseline == null ? null : RunLookup.baselineCases(store, output.baseline);
            String[] runId = new String[1];
            int exit = GatedRun.execute(spec, env, store, ws, baseline, output, quiet, history.namedBy(workspace), (progress, cancellation) -> {
                var header = service.run(ws, workspace, config, store, progress, cancellation);
                runId[0] = header.id();
                return header;
            });
            // An incomplete run sends nothing: `resume --otlp` sends it once it is whole.
            if (otlp == null || runId[0] == null || exit == ExitCodes.INCOMPLETE) return exit;
            var sent = dev.evalbench.core.service.TrafficSpans.send(RunLookup.run(store, runId[0]), ws, store, env, otlp);
            return OtlpOutcome.afterRun(spec, sent, exit,
                    "traffic export " + runId[0] + history.namedBy(workspace));
        }
    }

    /**
     * {@code --failing-of RUN}: the cases of a stored run that did not pass, on its routes ({@code RunAgain}, as the
     * window's "Rerun failing"); null, said on the terminal, when every case passed. Reads the history, writes
     * nothing.
     */
    private RunConfig failingConfig(Path workspace) throws Exception {
        if (!routes.isEmpty() || !suites.isEmpty() || !tags.isEmpty() || !caseIds.isEmpty() || repeat != 1) {
            throw new BadInputException("--failing-of chooses the cases, routes and repeat of run " + failingOf
                    + " itself: leave out --route, --suite, --tag, --case and --repeat");
        }
        Path db = history.dbFor(workspace);
        if (!Files.isRegularFile(db)) {
            throw new BadInputException("--failing-of " + failingOf + ": no run history at " + db + " to find it in");
        }
        try (RunStore store = history.open(workspace)) {
            var header = RunLookup.header(store, failingOf);
            try {
                dev.evalbench.core.service.RunAgain.checkRunnable(header);
            } catch (dev.evalbench.core.service.RequestException e) {
                throw new BadInputException("--failing-of " + failingOf + ": " + e.reason());
            }
            // By suite and id, not in the order the cases finished: the slice's sentence ("cases p18, p27, t019 …") read
            // differently on each rerun of one same run.
            List<dev.evalbench.core.record.CaseKey> failing = store.summaries(header.id()).stream()
                    .filter(c -> !c.passed()).map(dev.evalbench.core.record.CaseSummary::key)
                    .sorted(java.util.Comparator.comparing(dev.evalbench.core.record.CaseKey::suite)
                            .thenComparing(dev.evalbench.core.record.CaseKey::caseId))
                    .toList();
            if (failing.isEmpty()) {
                // Not a run: --json promises one run's object on stdout, so the sentence goes to stderr there.
                (output.json ? spec.commandLine().getErr() : spec.commandLine().getOut())
                        .println("every case of run " + header.id() + " passed: nothing to run again");
                return null;
            }
            return dev.evalbench.core.service.RunAgain.of(header, failing, concurrency, cache);
        }
    }
}
