package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseEvaluation;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.Message;
import dev.evalbench.core.record.VersionTuple;
import dev.evalbench.core.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a case record into its compact row (columns written by {@link CaseRows}) and its {@code detail}: a
 * {@link StoredDetail}, compressed, with system messages and the version tuple moved to {@link CaseTexts} by
 * hash (they repeat across every case of a run). Joins them back into the same record. Pure apart from the
 * connection it is handed.
 */
final class CaseDetail {
    private static final String SHARED_ROLE = "system";
    /** The JSON of the version tuples last written: every case of a suite and route carries the same tuple. */
    private static final RecentValues<VersionTuple, String> VERSIONS_JSON = new RecentValues<>(32, CaseDetail::versionsJson);

    private CaseDetail() {}

    /** The compressed detail of a record; shared texts are stored on {@code c} as a side effect. */
    static byte[] write(Connection c, CaseRecord r, Map<String, Boolean> known) throws SQLException, StoreException {
        List<StoredDetail.StoredMessage> messages = new ArrayList<>(r.messages() == null ? 0 : r.messages().size());
        if (r.messages() != null) {
            for (Message m : r.messages()) {
                messages.add(SHARED_ROLE.equals(m.role()) && m.content() != null
                        ? new StoredDetail.StoredMessage(m.role(), null, CaseTexts.put(c, m.content(), known))
                        : new StoredDetail.StoredMessage(m.role(), m.content(), null));
            }
        }
        StoredDetail detail = new StoredDetail(messages, r.rawOutput(), r.parsed(), r.schemaErrors(), r.decision(),
                r.evaluation() == null ? null : r.evaluation().checks(), r.provider(), r.requestId(), r.attempts(),
                r.fallbacks(), r.finishedAt(), r.reasoningTokens(), r.tokensEstimated());
        try {
            return CaseTexts.deflate(Json.MAPPER.writeValueAsBytes(detail));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write case " + r.key() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String versionsJson(VersionTuple versions) {
        try {
            return StoredJson.write(versions, "a version tuple");
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e); // a record of strings and numbers always writes
        }
    }

    /** The versions column: the tuple's JSON stored once by hash; null when the record has none. */
    static String versionsRef(Connection c, CaseRecord r, Map<String, Boolean> known) throws SQLException, StoreException {
        return r.versions() == null ? null : CaseTexts.put(c, VERSIONS_JSON.get(r.versions()), known);
    }

    /**
     * The whole record: the row's summary and columns joined with its detail. {@code texts} caches shared
     * texts across calls, {@code versionsByHash} parsed tuples.
     */
    static CaseRecord read(Connection c, String runId, CaseSummary s, Instant startedAt, String versionsSha, byte[] detail,
                           Map<String, String> texts, Map<String, VersionTuple> versionsByHash, String what)
            throws SQLException, StoreException {
        StoredDetail d;
        try {
            d = CaseTexts.readInflatedJson(detail, what, StoredDetail.class);
        } catch (IOException e) {
            throw new StoreException("cannot read " + what + ": its stored detail is damaged: " + e.getMessage(), e);
        }
        List<Message> messages = new ArrayList<>(d.messages() == null ? 0 : d.messages().size());
        if (d.messages() != null) {
            for (StoredDetail.StoredMessage m : d.messages()) {
                messages.add(new Message(m.role(), m.sha256() == null ? m.content() : CaseTexts.get(c, m.sha256(), texts)));
            }
        }
        VersionTuple versions = null;
        if (versionsSha != null) {
            versions = versionsByHash.get(versionsSha);
            if (versions == null) {
                versions = StoredJson.read(CaseTexts.get(c, versionsSha, texts), VersionTuple.class, "the versions of " + what);
                versionsByHash.put(versionsSha, versions);
            }
        }
        CaseEvaluation evaluation = d.checks() == null ? null : new CaseEvaluation(s.passed(), d.checks(), s.failures());
        return new CaseRecord(runId, s.key(), s.traceId(), List.copyOf(messages), d.rawOutput(), s.failureKind(),
                s.failureMessage(), d.parsed(), s.schemaValid(), d.schemaErrors(), d.decision(), evaluation,
                s.expected(), s.blocking(), s.routeUsed(), d.provider(), s.modelUsed(), d.requestId(), s.latencyMs(),
                s.tokensIn(), s.tokensOut(), s.costUsd(), d.attempts(), d.fallbacks(), s.cacheHit(),
                versions, startedAt, d.finishedAt(), d.reasoningTokens(), d.tokensEstimated(), s.tags(), s.judgements());
    }
}
