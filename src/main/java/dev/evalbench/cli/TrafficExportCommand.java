package dev.evalbench.cli;

import dev.evalbench.core.otlp.SpanExport;
import dev.evalbench.core.service.TrafficSpans;
import dev.evalbench.core.service.RunLookup;
import dev.evalbench.core.store.RunStore;
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
 * {@code evalbench traffic export RUN --out FILE|URL}: a stored run's cases as OTLP spans (GenAI conventions),
 * to an OTLP JSON Lines file or an OTLP/HTTP collector. Spans leave the machine: they are made from the masked
 * run, as exports and reports are. Exit 0 when delivered, 3 when the collector or the file could not take them.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Send a run's cases as OpenTelemetry spans: OTLP JSON Lines to a file, or OTLP/HTTP to a collector URL.")
final class TrafficExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficCommand parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run id, id prefix, tag, latest or latest~N (the N-th run before the latest).")
    String runRef;

    @Option(names = "--out", required = true, paramLabel = "FILE|URL", description = "An OTLP JSON Lines file to write, or a collector's http(s) URL (default path /v1/traces).")
    String out;

    @Option(names = "--json", description = JsonOut.HELP)
    boolean json;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        OutputFile.checkOtlp(out);
        Path workspace = history.workspace(workspaceOption, null);
        SpanExport.Result result;
        try (RunStore store = history.openReadOnly(workspace)) {
            result = TrafficSpans.send(RunLookup.run(store, runRef), null, store, parent.parent.env(), out);
        }
        return OtlpOutcome.print(spec, result, json);
    }
}
