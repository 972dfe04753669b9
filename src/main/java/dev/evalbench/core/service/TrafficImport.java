package dev.evalbench.core.service;

import dev.evalbench.core.io.FileBytes;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.otlp.Captures;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.run.RunIds;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.traffic.TrafficRecords;
import dev.evalbench.core.traffic.TrafficRequest;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.Workspace;
import dev.evalbench.core.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code evalbench traffic import}: reads a capture of production requests (JSON Lines in the seed's shape, or
 * OTLP JSON Lines; told apart by the first line) and stores it as one {@link RunKind#TRAFFIC} run. Every line is
 * checked first; any bad line is a {@link WorkspaceException} naming each file:line, and nothing is stored.
 * The run is then written in one transaction ({@link RunStore#importRun}). Its inputs are the workspace's files
 * (so gates, compare and reports rebuild the workspace as for any run) and the capture itself, whose bytes are
 * kept as a snapshot: a shadow run reads the captured inputs from there. Blocking; thread-safe.
 */
public final class TrafficImport {
    /** What was stored: the run, its requests, and how many OTLP spans were not GenAI calls. */
    public record Result(RunHeader header, List<TrafficRequest> requests, int skippedSpans, String format) {}

    private final Clock clock;

    public TrafficImport(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param ws        the workspace whose history receives the run; its files are snapshotted with it
     * @param workspace the workspace folder (to name the capture relative to it when it lies inside)
     */
    public Result importFile(Path file, Workspace ws, Path workspace, RunStore store, List<String> tags)
            throws WorkspaceException, StoreException, IOException {
        byte[] bytes;
        try {
            bytes = FileBytes.read(file);
        } catch (IOException e) {
            throw new WorkspaceException(new InputError(file.toString(), 0, 0, "cannot be read (" + dev.evalbench.core.io.IoWords.of(e) + ")"));
        }
        Captures.Parsed parsed = Captures.parse(file.toString(), new String(bytes, StandardCharsets.UTF_8));
        String sha256 = Digests.sha256(bytes);
        AppInfo app = AppInfo.forWorkspace(workspace);
        Map<String, String> inputs = new TreeMap<>();
        for (String path : ws.inputDigests().keySet()) inputs.put(path, store.putSnapshot(ws.files().read(path)));
        inputs.put(captureName(file, workspace), store.putSnapshot(bytes));
        List<String> routes = parsed.requests().stream().map(TrafficRequest::route).distinct().toList();
        Imported imported = RunIds.create(clock, runId -> {
            List<CaseRecord> records = new ArrayList<>();
            for (TrafficRequest r : parsed.requests()) records.add(TrafficRecords.record(runId, r, sha256, app.version()));
            return new Imported(new RunHeader(runId, ws.name(), ws.files().describe(),
                    new RunConfig(routes, List.of(TrafficRecords.SUITE), 1, 1, "off"), RunStatus.COMPLETE, clock.instant(),
                    clock.instant(), app.version(), app.gitCommit(), inputs, records.size(), ProcessHandle.current().pid(),
                    tags, RunKind.TRAFFIC), records);
        }, made -> store.importRun(made.header(), made.records()));
        return new Result(imported.header(), parsed.requests(), parsed.skippedSpans(), parsed.format());
    }

    /** A traffic run made of the captured requests under one id: its header and cases. */
    private record Imported(RunHeader header, List<CaseRecord> records) {}

    /** The capture's name among the run's inputs: workspace-relative when it lies inside, else under captures/. */
    static String captureName(Path file, Path workspace) {
        Path abs = file.toAbsolutePath().normalize();
        Path ws = workspace == null ? null : workspace.toAbsolutePath().normalize();
        if (ws != null && abs.startsWith(ws)) return ws.relativize(abs).toString().replace('\\', '/');
        return "captures/" + abs.getFileName();
    }

}
