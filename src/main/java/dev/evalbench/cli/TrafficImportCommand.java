package dev.evalbench.cli;

import dev.evalbench.core.service.Components;
import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.service.TrafficImport;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.traffic.TrafficRequest;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code evalbench traffic import FILE}: a capture (JSON Lines in the seed's shape, or OTLP JSON Lines) becomes
 * one traffic run. A bad line is exit 2 with every file:line named, and nothing is stored.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Store captured production requests (JSON Lines or OTLP JSON Lines) as one traffic run.")
final class TrafficImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The capture: one request per line, or one OTLP ExportTraceServiceRequest per line.")
    Path file;

    @Option(names = "--tag", paramLabel = "TAG", description = "Tag the run (repeatable), e.g. control or canary.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        for (String tag : tags) HistoryService.checkTag(tag);
        Path workspace = workspaceOption.require(null);
        Workspace ws = Components.loadChecked(workspace, parent.parent.env());
        TrafficImport.Result result;
        try (RunStore store = history.open(workspace)) {
            result = new TrafficImport(Clock.systemUTC()).importFile(file, ws, workspace, store, tags);
        }
        List<TrafficRequest> requests = result.requests();
        var first = requests.stream().map(TrafficRequest::timestamp).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        var last = requests.stream().map(TrafficRequest::timestamp).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        if (json) {
            var o = JsonOut.object().put("run_id", result.header().id()).put("kind", "traffic").put("format", result.format())
                    .put("requests", requests.size()).put("skipped_spans", result.skippedSpans())
                    .put("from", String.valueOf(first)).put("to", String.valueOf(last));
            o.putArray("routes").addAll(result.header().config().routes().stream()
                    .map(r -> (com.fasterxml.jackson.databind.JsonNode) o.textNode(r)).toList());
            JsonOut.print(spec.commandLine().getOut(), o);
            return ExitCodes.OK;
        }
        var out = spec.commandLine().getOut();
        out.println("imported " + requests.size() + " requests (" + result.format() + ") from " + file + " as traffic run "
                + result.header().id() + (tags.isEmpty() ? "" : " [" + String.join(", ", tags) + "]"));
        out.println("  period " + first + " .. " + last + "; routes " + String.join(", ", result.header().config().routes())
                + (result.skippedSpans() > 0 ? "; " + result.skippedSpans() + " spans that were not GenAI calls skipped" : ""));
        out.flush();
        return ExitCodes.OK;
    }
}
