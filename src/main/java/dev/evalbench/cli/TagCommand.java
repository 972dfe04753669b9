package dev.evalbench.cli;

import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.store.RunStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench tag RUN TAG}: pin a run under a name, such as main, to use as a baseline; {@code evalbench tag
 * --delete TAG} removes a tag (as {@code git tag -d}): a mistaken one, or main to gate without a baseline.
 */
@Command(name = "tag", mixinStandardHelpOptions = true, customSynopsis = {
        "evalbench tag [-hV] [--json] [--db=PATH] [-w=DIR] RUN TAG",
        "       evalbench tag --delete TAG [--json] [--db=PATH] [-w=DIR]"}, description = {
        "Point a tag (such as main) at a run, to use it as --baseline.",
        "With --delete TAG, remove a tag instead: `evalbench tag --delete TAG`."})
final class TagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Option(names = {"-d", "--delete"}, description = "Remove this tag from the run it names (give no RUN and TAG).",
            paramLabel = "TAG")
    String delete;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "Run id, id prefix, tag, latest or latest~N (the N-th run before the latest).")
    String runRef;

    @Parameters(index = "1", arity = "0..1", paramLabel = "TAG", description = "Tag name: letters, digits, '.', '_', '-', '/'.")
    String tag;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        if (delete != null) {
            if (runRef != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--delete takes the tag alone: `evalbench tag"
                        + " --delete " + delete + "`, without a run");
            }
            return delete();
        }
        if (tag == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), runRef == null
                    ? "name the run and the tag: `evalbench tag RUN TAG` (or remove one: `evalbench tag --delete TAG`)"
                    : "name the tag too: `evalbench tag " + runRef + " TAG`");
        }
        HistoryService.checkTag(tag, runRef); // before the history is opened
        Path workspace = history.workspace(workspaceOption, null);
        try (RunStore store = history.openExisting(workspace)) {
            String was = store.tags().get(tag);
            RunHeader header = new HistoryService(store).tag(runRef, tag);
            if (tag.equals("main") && header.kind() != RunKind.EVAL) {
                // After a traffic import "latest" is the traffic: gated against it, a run matched none of its cases.
                spec.commandLine().getErr().println("note: run " + header.id() + " is a " + header.kind().name().toLowerCase(
                        java.util.Locale.ROOT) + " run (production's requests, not the eval cases): runs gated against main"
                        + " will match none of its cases; tag an eval run main (`evalbench history` lists them)");
                spec.commandLine().getErr().flush();
            }
            if (json) {
                JsonOut.print(spec.commandLine().getOut(), JsonOut.object().put("tag", tag).put("run_id", header.id()));
                return ExitCodes.OK;
            }
            // A tag moved says from where, as the baseline every later run is gated against has changed.
            boolean moved = was != null && !was.equals(header.id());
            spec.commandLine().getOut().println(tag + " -> " + header.id() + (moved ? " (moved from " + was + ")" : ""));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    private int delete() throws Exception {
        Path workspace = history.workspace(workspaceOption, null);
        try (RunStore store = history.openExisting(workspace)) {
            String was = new HistoryService(store).untag(delete);
            if (json) {
                JsonOut.print(spec.commandLine().getOut(), JsonOut.object().put("tag", delete).put("run_id", was)
                        .put("deleted", true));
                return ExitCodes.OK;
            }
            spec.commandLine().getOut().println("deleted tag " + delete + " (it named run " + was + ")");
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
