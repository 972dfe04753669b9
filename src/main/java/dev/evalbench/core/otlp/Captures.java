package dev.evalbench.core.otlp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.traffic.TrafficJsonl;
import dev.evalbench.core.traffic.TrafficRecords;
import dev.evalbench.core.traffic.TrafficRequest;
import dev.evalbench.core.workspace.InputError;
import dev.evalbench.core.workspace.WorkspaceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A capture file of production requests: JSON Lines in the seed's shape, or OTLP JSON Lines, told apart by the
 * first line. {@link #parse} checks every line and throws every problem (up to {@link #MAX_ERRORS}) at once.
 * {@link #stored} reads a traffic run's capture back from the snapshot its import kept, which is where a shadow
 * run and an export find the captured template variables (a case record keeps the messages, not the vars).
 * Stateless.
 */
public final class Captures {
    /** Problems listed before the rest are summarised as a count. */
    public static final int MAX_ERRORS = 50;

    /** The requests of a capture, in file order; {@code format} is "jsonl" or "otlp". */
    public record Parsed(List<TrafficRequest> requests, int skippedSpans, String format) {}

    private Captures() {}

    public static Parsed parse(String name, String text) throws WorkspaceException {
        List<InputError> errors = new ArrayList<>();
        List<TrafficRequest> requests = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        String[] lines = text.split("\n", -1);
        Boolean otlp = null;
        int skipped = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) continue;
            if (otlp == null) otlp = OtlpJsonReader.looksLikeOtlp(line);
            int lineNo = i + 1;
            List<TrafficRequest> found = new ArrayList<>();
            if (otlp) {
                OtlpJsonReader.Line read = OtlpJsonReader.line(name, lineNo, line, errors);
                found.addAll(read.requests());
                skipped += read.skippedSpans();
            } else {
                TrafficRequest r = TrafficJsonl.line(name, lineNo, line, errors);
                if (r != null) found.add(r);
            }
            for (TrafficRequest r : found) {
                Integer first = lineOfId.putIfAbsent(r.id(), lineNo);
                if (first != null) errors.add(new InputError(name, lineNo, 0, "request id \"" + r.id()
                        + "\" was already used on line " + first + ": every captured request needs its own id"));
                else requests.add(r);
            }
        }
        boolean isOtlp = Boolean.TRUE.equals(otlp);
        if (errors.isEmpty() && requests.isEmpty()) {
            errors.add(new InputError(name, 0, 0, isOtlp ? "holds no GenAI span (" + skipped + " other spans)" : "holds no captured request"));
        }
        if (!errors.isEmpty()) {
            List<InputError> shown = new ArrayList<>(errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
            if (errors.size() > MAX_ERRORS) shown.add(new InputError(name, 0, 0, (errors.size() - MAX_ERRORS) + " more problems not shown; nothing was stored"));
            throw new WorkspaceException(shown);
        }
        return new Parsed(List.copyOf(requests), skipped, isOtlp ? "otlp" : "jsonl");
    }

    /**
     * The capture a traffic run was imported from, read from its snapshot: the run input whose SHA-256 is the
     * eval-set hash its cases carry. Empty for other runs, or when the history lacks the snapshot.
     */
    public static Optional<Parsed> stored(RunHeader header, String captureSha256, RunStore store)
            throws StoreException, WorkspaceException {
        if (header.kind() != RunKind.TRAFFIC || captureSha256 == null) return Optional.empty();
        for (Map.Entry<String, String> input : header.inputs().entrySet()) {
            if (!input.getValue().equals(captureSha256)) continue;
            Optional<byte[]> bytes = store.snapshot(captureSha256);
            if (bytes.isEmpty()) return Optional.empty();
            return Optional.of(parse(input.getKey(), new String(bytes.get(), StandardCharsets.UTF_8)));
        }
        return Optional.empty();
    }

    /** The captured template variables of a traffic run's requests by request id (empty when there are none). */
    public static Map<String, ObjectNode> vars(RunHeader header, String captureSha256, RunStore store)
            throws StoreException, WorkspaceException {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        Optional<Parsed> parsed = stored(header, captureSha256, store);
        if (parsed.isEmpty()) return out;
        for (TrafficRequest r : parsed.get().requests()) if (r.vars() != null) out.put(r.id(), r.vars());
        return out;
    }

    /** The SHA-256 of the capture a traffic run's cases name as their eval set, or null. */
    public static String captureSha256(List<dev.evalbench.core.record.CaseRecord> cases) {
        for (var c : cases) {
            if (c.versions() != null && TrafficRecords.EVAL_SET.equals(c.versions().evalSetVersion())) return c.versions().evalSetHash();
        }
        return null;
    }
}
