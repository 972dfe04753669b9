package dev.evalbench.cli;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.compare.CompareJson;
import dev.evalbench.core.compare.CompareMarkdown;
import dev.evalbench.core.compare.CompareText;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.compare.SummaryComparison;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.service.CompareService;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.RunStore;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench compare A B}: two runs (stored, or read from CI's files) case by case, A being the baseline
 * side; {@code compare REPORT_DIR}: the comparison a report folder was written for, with the baseline it keeps. Prints what changed
 * in the version tuple, verdict flips first, word diffs of changed outputs, metric deltas with paired tests and
 * gate deltas (both runs held to B's gates, B against A). Reads records only. Exit 0, or 2 for a run that
 * cannot be found.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare two runs case by case: what changed, verdict flips, output diffs, metric and gate deltas.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    EvalbenchCommand parent;

    @Parameters(index = "0", paramLabel = "A", description = "The baseline side: run id, id prefix, tag, latest, latest~N (the N-th run before the latest), or an exported run file, a report folder or its report.json. Alone, a report folder written with --baseline: the comparison it was written for.")
    String before;

    @Parameters(index = "1", paramLabel = "B", arity = "0..1", description = "The run compared with A, named the same ways.")
    String after;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Option(names = "--json", description = "Print the comparison as one JSON object.")
    boolean json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the comparison as Markdown for a pull-request comment.")
    Path markdown;

    @Option(names = "--max-cases", paramLabel = "N", defaultValue = "20", description = "Changed cases printed with their diffs (default: ${DEFAULT-VALUE}).")
    int maxCases;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (maxCases < 0) {
            throw new BadInputException("--max-cases must be 0 or more, not " + maxCases);
        }
        OutputFile.check(markdown);
        // Two run files (CI's exports or reports) are compared as a reviewer has them: no workspace or history
        // needed, the gates compared when one of them is at hand.
        // One argument: a report folder, compared with the baseline it keeps (a reviewer's `compare ci-report/`).
        boolean oneReport = after == null;
        if (oneReport && RunLookup.runFile(before).isEmpty()) {
            throw new BadInputException("name two runs to compare (compare A B), or one report folder written with --baseline");
        }
        boolean twoFiles = RunLookup.runFile(before).isPresent() && (oneReport || RunLookup.runFile(after).isPresent());
        NotAsSigned.warn(spec.commandLine().getErr(), before, after);
        Path workspace = twoFiles ? workspaceOption.optional(null) : history.workspace(workspaceOption, null);
        try (RunStore store = twoFiles ? history.openReadOnlyIfAny(workspace) : history.openReadOnly(workspace)) {
            // The terminal shows the first --max-cases changes: flips beyond them need not be read (counts are the
            // same); JSON and Markdown hold every change.
            int flipsShown = json || markdown != null ? SummaryComparison.EVERY_FLIP : maxCases;
            CompareService service = new CompareService(store, new GateService(parent.env()));
            CompareService.Result result = oneReport ? service.compareReport(before, workspace)
                    : service.compare(before, after, workspace, flipsShown);
            RunComparison comparison = result.comparison();
            StoredRun b = result.after();
            if (markdown != null) {
                AtomicFiles.write(markdown, CompareMarkdown.render(comparison).getBytes(StandardCharsets.UTF_8));
            }
            if (json) {
                out.println(Json.MAPPER.writeValueAsString(CompareJson.toJson(comparison)));
            } else {
                out.print(CompareText.render(comparison, maxCases, "use --json or --markdown for all"));
                out.println(result.gatesSource().map(from -> "gates from " + from).orElse("gates: not compared (the history lacks run " + b.id()
                        + "'s snapshots and " + (workspace == null ? "no workspace was named" : workspace + " holds no evalbench.yaml") + ")"));
            }
            out.flush();
            if (!oneReport && result.before().id().equals(b.id())) {
                // Both names resolved to one run (main just tagged on the latest): every count reads 0, which says
                // nothing about the change a reviewer meant to compare.
                PrintWriter err = spec.commandLine().getErr();
                err.println("note: both sides are run " + b.id() + ": nothing can differ (name two runs: compare main latest"
                        + " after a new run)");
                err.flush();
            }
            String beforeWorkspace = result.before().header().workspace();
            String afterWorkspace = b.header().workspace();
            if (beforeWorkspace != null && afterWorkspace != null && !beforeWorkspace.equals(afterWorkspace)) {
                // Two workspaces' runs pair only where suite and case ids happen to match: "0 cases in both runs"
                // read as if every case had been dropped.
                PrintWriter err = spec.commandLine().getErr();
                err.println("note: run " + result.before().id() + " is of workspace " + beforeWorkspace + " and run " + b.id()
                        + " of workspace " + afterWorkspace + ": their cases pair only where suite and case id match");
                err.flush();
            }
            RunKind beforeKind = result.before().header().kind();
            if ((beforeKind == RunKind.EVAL) != (b.header().kind() == RunKind.EVAL)) {
                // An eval run and production's requests pair on no case: "0 cases in both runs", every part changed.
                RunHeader traffic = beforeKind == RunKind.EVAL ? b.header() : result.before().header();
                PrintWriter err = spec.commandLine().getErr();
                err.println("note: run " + traffic.id() + " is a " + traffic.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " run (production's requests, not the eval cases): no case pairs with the other run's (a shadow run"
                        + " compares with the traffic it replayed, a canary with its control: `evalbench canary`)");
                err.flush();
            }
            return ExitCodes.OK;
        }
    }
}
