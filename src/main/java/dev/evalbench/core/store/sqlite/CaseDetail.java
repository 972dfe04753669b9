package dev.evalbench.core.store.sqlite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.store.StoreException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Splits a case record into its compact row (columns written by {@link CaseRows}) and its {@code detail}: the
 * rest of the record as JSON, compressed, with system messages and the version tuple moved to
 * {@link CaseTexts} by hash (they repeat across every case of a run). Joins them back into the same record.
 * Pure apart from the connection it is handed.
 */
final class CaseDetail {
    /** Record fields the row's columns hold; left out of the detail and put back from the columns. */
    private static final List<String> IN_COLUMNS = List.of("run_id", "key", "trace_id", "schema_valid",
            "failure_kind", "failure_message", "expected", "blocking", "route_used", "model_used", "latency_ms", "tokens_in",
            "tokens_out", "cost_usd", "cache_hit", "versions", "tags", "started_at");
    private static final String SHARED_ROLE = "system";

    private CaseDetail() {}

    /** The compressed detail of a record; shared texts are stored on {@code c} as a side effect. */
    static byte[] write(Connection c, CaseRecord r, Map<String, Boolean> known) throws SQLException, StoreException {
        ObjectNode node = Json.MAPPER.valueToTree(r);
        IN_COLUMNS.forEach(node::remove);
        ArrayNode messages = Json.MAPPER.createArrayNode();
        for (JsonNode m : node.withArray("messages")) {
            if (SHARED_ROLE.equals(m.path("role").asText()) && m.hasNonNull("content")) {
                messages.addObject().put("role", SHARED_ROLE).put("sha256", CaseTexts.put(c, m.get("content").asText(), known));
            } else {
                messages.add(m);
            }
        }
        node.set("messages", messages);
        if (node.get("evaluation") instanceof ObjectNode evaluation) {
            evaluation.remove("failures");
        }
        try {
            return CaseTexts.deflate(Json.MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write case " + r.key() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The versions column: the tuple's JSON stored once by hash; null when the record has none. */
    static String versionsRef(Connection c, CaseRecord r, Map<String, Boolean> known) throws SQLException, StoreException {
        return r.versions() == null ? null : CaseTexts.put(c, StoredJson.write(r.versions(), "versions of case " + r.key()), known);
    }

    /**
     * The whole record: the detail with the row's columns put back. {@code columns} holds the values read
     * from the row under the record's JSON names; {@code texts} caches shared texts across calls.
     */
    static CaseRecord read(Connection c, byte[] detail, ObjectNode columns, String versionsSha,
                           Map<String, String> texts, String what) throws SQLException, StoreException {
        ObjectNode node;
        try {
            node = (ObjectNode) Json.MAPPER.readTree(CaseTexts.inflate(detail, what));
        } catch (IOException | ClassCastException e) {
            throw new StoreException("cannot read " + what + ": its stored detail is not a JSON object", e);
        }
        node.setAll(columns);
        if (versionsSha != null) {
            try {
                node.set("versions", Json.MAPPER.readTree(CaseTexts.get(c, versionsSha, texts)));
            } catch (JsonProcessingException e) {
                throw new StoreException("cannot read the versions of " + what + ": " + e.getOriginalMessage(), e);
            }
        }
        for (JsonNode m : node.withArray("messages")) {
            if (m instanceof ObjectNode message && message.has("sha256")) {
                message.put("content", CaseTexts.get(c, message.remove("sha256").asText(), texts));
            }
        }
        if (node.get("evaluation") instanceof ObjectNode evaluation) {
            evaluation.set("failures", columns.has("failures") ? columns.get("failures") : Json.MAPPER.createArrayNode());
        }
        node.remove("failures");
        try {
            return Json.MAPPER.treeToValue(node, CaseRecord.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read " + what + ": stored JSON is not a CaseRecord: " + e.getOriginalMessage(), e);
        }
    }
}
