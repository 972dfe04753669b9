package dev.evalbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.service.HistoryService;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.text.RunTime;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evalbench history [WORKSPACE]}: the runs in the history, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the runs in the history, newest first.")
final class HistoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", hidden = true, description = "Same as --workspace (the older form).")
    Path positional;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Mixin
    HistoryOptions history;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HistoryService.checkLimit(limit);
        Path workspace = history.workspace(workspaceOption, positional);
        try (RunStore store = history.openReadOnly(workspace)) {
            List<HistoryService.Listing> runs = new HistoryService(store).list(limit);
            if (json) {
                ArrayNode array = Json.MAPPER.createArrayNode();
                for (HistoryService.Listing listed : runs) {
                    // The same names and casing as every other --json output: run_id, status in lower case.
                    ObjectNode header = Json.MAPPER.valueToTree(listed.header());
                    ObjectNode node = Json.MAPPER.createObjectNode().put("run_id", listed.header().id());
                    header.fields().forEachRemaining(f -> { if (!f.getKey().equals("id")) node.set(f.getKey(), f.getValue()); });
                    node.put("status", listed.header().status().name().toLowerCase(Locale.ROOT));
                    node.put("kind", listed.header().kind().name().toLowerCase(Locale.ROOT));
                    node.put("cases_stored", listed.casesStored());
                    array.add(node);
                }
                out.println(Json.MAPPER.writeValueAsString(array));
            } else if (runs.isEmpty()) {
                out.println("no runs yet");
            } else {
                out.printf(Locale.ROOT, "%-22s %-19s %-10s %9s  %-20s %s%n", "run", "started (UTC)", "status", "cases", "routes", "tags");
                for (HistoryService.Listing listed : runs) {
                    RunHeader h = listed.header();
                    out.printf(Locale.ROOT, "%-22s %-19s %-10s %9s  %-20s %s%n", h.id(), RunTime.of(h.startedAt(), ZoneOffset.UTC),
                            h.status().name().toLowerCase(Locale.ROOT),
                            listed.casesStored() + "/" + h.plannedCases(),
                            String.join(",", h.config().routes()), String.join(",", h.tags())
                                    + (h.kind() == RunKind.EVAL ? "" : "  (" + h.kind().name().toLowerCase(Locale.ROOT) + ")")
                                    // A slice passes on its cases alone: the list says so, as the window's list does.
                                    + (h.kind() != RunKind.EVAL || h.config().coversAll() ? ""
                                            : "  (slice: " + dev.evalbench.core.record.RunSlice.chose(h.config()) + ")")
                                    + left(store, h));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /**
     * Why an incomplete run is so, as the window's runs list marks it: "  (no answer)" when the model answered none of
     * its cases, "  (cases left)" when a breaker, a refused route or a judge's route kept some from being measured;
     * nothing for a run someone stopped.
     */
    private static String left(RunStore store, RunHeader h) throws dev.evalbench.core.store.StoreException {
        dev.evalbench.core.record.RunEvent why = dev.evalbench.core.service.Outages.why(store, h);
        if (why == null) return "";
        return dev.evalbench.core.service.Outages.isOutage(why) ? "  (no answer)" : "  (cases left)";
    }
}
