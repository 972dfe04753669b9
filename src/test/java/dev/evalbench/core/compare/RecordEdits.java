package dev.evalbench.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.record.VersionTuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Copies of fixture records with another output or version tuple, and complete run headers, for comparison tests. */
public final class RecordEdits {
    private RecordEdits() {}

    /** The record answering {@code raw} instead (parsed when it is JSON, else parsed is null). */
    public static CaseRecord withOutput(CaseRecord r, String raw) {
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), raw, r.failureKind(), r.failureMessage(),
                parse(raw), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(), r.expected(), r.blocking(),
                r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(), r.tokensIn(), r.tokensOut(),
                r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(), r.startedAt(), r.finishedAt(), r.tags());
    }

    /** The record held to another expected value (its dataset line relabelled). */
    public static CaseRecord withExpected(CaseRecord r, String expectedJson) {
        com.fasterxml.jackson.databind.node.ObjectNode expected = (com.fasterxml.jackson.databind.node.ObjectNode) parse(expectedJson);
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), r.rawOutput(), r.failureKind(), r.failureMessage(),
                r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(), expected, r.blocking(),
                r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(), r.tokensIn(), r.tokensOut(),
                r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), r.versions(), r.startedAt(), r.finishedAt(), r.tags());
    }

    /** The record with the prompt at another revision and content hash. */
    public static CaseRecord withPrompt(CaseRecord r, int revision, String promptHash) {
        VersionTuple v = r.versions();
        VersionTuple changed = new VersionTuple(v.promptId(), revision, promptHash, v.outputSchemaHash(), v.preprocessHash(),
                v.policyRevision(), v.policyHash(), v.evalSetVersion(), v.evalSetHash(), v.route(), v.provider(), v.model(), v.routeHash(),
                v.appVersion(), v.gitCommit());
        return new CaseRecord(r.runId(), r.key(), r.traceId(), r.messages(), r.rawOutput(), r.failureKind(), r.failureMessage(),
                r.parsed(), r.schemaValid(), r.schemaErrors(), r.decision(), r.evaluation(), r.expected(), r.blocking(),
                r.routeUsed(), r.provider(), r.modelUsed(), r.requestId(), r.latencyMs(), r.tokensIn(), r.tokensOut(),
                r.costUsd(), r.attempts(), r.fallbacks(), r.cacheHit(), changed, r.startedAt(), r.finishedAt(), r.tags());
    }

    /** A COMPLETE run of the support-triage workspace with these inputs. */
    public static RunHeader completeHeader(String id, Instant startedAt, Map<String, String> inputs, int cases) {
        return new RunHeader(id, "support-triage", "/work/support-triage",
                new RunConfig(List.of("offline"), List.of(), 1, 4, "read-write"),
                RunStatus.COMPLETE, startedAt, startedAt.plusSeconds(5), "0.1.0", null, inputs, cases, 1L, List.of());
    }

    private static JsonNode parse(String raw) {
        if (raw == null) return null;
        try {
            return Json.MAPPER.readTree(raw);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null; // not JSON: the record keeps parsed null, as the engine does
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
