package dev.evalbench.cli;

import dev.evalbench.core.service.OutboundMasks;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.PromptTemplates;
import dev.evalbench.core.store.RunExport;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.Counted;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evalbench export RUN --out FILE}: one JSON file carrying a run to another machine (CI's baseline). */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a run to one JSON file, usable as --baseline on another machine.")
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id, id prefix, tag, latest or latest~N (the N-th run before the latest).")
    String runRef;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @picocli.CommandLine.ParentCommand
    EvalbenchCommand parent;

    @Override
    public Integer call() throws Exception {
        OutputFile.check(out);
        Path workspace = history.workspace(workspaceOption, null);
        try (RunStore store = history.openReadOnly(workspace)) {
            StoredRun raw = RunLookup.run(store, runRef);
            // An export leaves the machine: restricted values and keys masked, from the run's own snapshots.
            var mask = OutboundMasks.of(null, store, parent.env(), raw);
            StoredRun run = mask.run(raw);
            // The prompt templates' text, so a comparison of two exports shows the template diff without a history.
            RunExport.write(run, PromptTemplates.of(raw, store, text -> mask.text(null, text)), out);
            if (json) {
                JsonOut.print(spec.commandLine().getOut(), JsonOut.object().put("run_id", run.id())
                        .put("cases", run.cases().size()).put("file", out.toString()));
                return ExitCodes.OK;
            }
            spec.commandLine().getOut().println("exported run " + run.id() + " (" + Counted.cases(run.cases().size())
                    + ") to " + out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
