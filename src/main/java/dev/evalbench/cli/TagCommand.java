package dev.evalbench.cli;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.store.RunStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evalbench tag RUN TAG}: pin a run under a name, such as main, to use as a baseline. */
@Command(name = "tag", mixinStandardHelpOptions = true, description = "Point a tag (such as main) at a run, to use it as --baseline.")
final class TagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id, id prefix, tag, latest or latest~N (the N-th run before the latest).")
    String runRef;

    @Parameters(index = "1", paramLabel = "TAG", description = "Tag name: letters, digits, '.', '_', '-', '/'.")
    String tag;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        HistoryService.checkTag(tag, runRef); // before the history is opened
        Path workspace = history.workspace(workspaceOption, null);
        try (RunStore store = history.openExisting(workspace)) {
            RunHeader header = new HistoryService(store).tag(runRef, tag);
            if (json) {
                JsonOut.print(spec.commandLine().getOut(), JsonOut.object().put("tag", tag).put("run_id", header.id()));
                return ExitCodes.OK;
            }
            spec.commandLine().getOut().println(tag + " -> " + header.id());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
