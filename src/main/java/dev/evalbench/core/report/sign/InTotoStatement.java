package dev.evalbench.core.report.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An in-toto Statement v1 binding a report to its files by digest:
 * {@code {"_type": "https://in-toto.io/Statement/v1", "subject": [{"name": ..., "digest": {"sha256": ...}}],
 * "predicateType": "https://evalbench.dev/report/v1", "predicate": {...}}}.
 *
 * <p>Subjects are kept sorted by name and names are unique. The predicate is the caller's JSON object, held
 * as given (callers must not change it afterwards). {@link #payload()} is the RFC 8785 canonical JSON of the
 * statement, the DSSE payload with type {@link Dsse#IN_TOTO_PAYLOAD_TYPE}. Immutable apart from the predicate
 * tree.
 */
public record InTotoStatement(List<StatementSubject> subjects, String predicateType, ObjectNode predicate) {
    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String EVALBENCH_REPORT_PREDICATE = "https://evalbench.dev/report/v1";
    private static final Set<String> MEMBERS = Set.of("_type", "subject", "predicateType", "predicate");

    /** @throws IllegalArgumentException if there is no subject or two subjects share a name */
    public InTotoStatement {
        Objects.requireNonNull(predicateType, "predicateType");
        Objects.requireNonNull(predicate, "predicate");
        List<StatementSubject> sorted = new ArrayList<>(subjects);
        sorted.sort(Comparator.comparing(StatementSubject::name));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("an in-toto statement needs at least one subject");
        }
        Set<String> seen = new HashSet<>();
        for (StatementSubject s : sorted) {
            if (!seen.add(s.name())) throw new IllegalArgumentException("subject '" + s.name() + "' is listed twice");
        }
        subjects = List.copyOf(sorted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The subject with this name, or null. */
    public StatementSubject subject(String name) {
        return subjects.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("_type", STATEMENT_TYPE);
        ArrayNode list = root.putArray("subject");
        for (StatementSubject s : subjects) {
            ObjectNode entry = list.addObject();
            entry.put("name", s.name());
            entry.putObject("digest").put("sha256", s.sha256());
        }
        root.put("predicateType", predicateType);
        root.set("predicate", predicate);
        return root;
    }

    /** The DSSE payload: canonical JSON bytes of {@link #toJson()}. */
    public byte[] payload() {
        return CanonicalJson.canonicalize(toJson());
    }

    /**
     * Reads a payload back. Any predicate type is accepted here (the verifier judges it); everything else
     * must be as {@link #toJson()} writes it, except that a digest may list other algorithms beside sha256.
     */
    public static InTotoStatement parse(byte[] payload) throws InvalidStatementException {
        JsonNode root;
        try {
            root = StrictJson.parse(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidStatementException("the payload is not JSON (" + StrictJson.describe(e) + ")", e);
        }
        if (!root.isObject()) throw new InvalidStatementException("the payload is not a JSON object");
        for (String name : (Iterable<String>) root::fieldNames) {
            if (!MEMBERS.contains(name)) throw new InvalidStatementException("unknown member \"" + name + "\"");
        }
        if (!STATEMENT_TYPE.equals(root.path("_type").textValue())) {
            throw new InvalidStatementException("_type is " + root.path("_type") + ", expected \"" + STATEMENT_TYPE + "\"");
        }
        JsonNode type = root.path("predicateType");
        if (!type.isTextual()) throw new InvalidStatementException("predicateType must be a string");
        JsonNode predicate = root.path("predicate");
        if (!predicate.isObject()) throw new InvalidStatementException("predicate must be a JSON object");
        JsonNode list = root.path("subject");
        if (!list.isArray() || list.isEmpty()) throw new InvalidStatementException("subject must be a non-empty array");
        List<StatementSubject> subjects = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            subjects.add(parseSubject(list.get(i), i + 1));
        }
        try {
            return new InTotoStatement(subjects, type.textValue(), (ObjectNode) predicate);
        } catch (IllegalArgumentException e) {
            throw new InvalidStatementException(e.getMessage(), e);
        }
    }

    private static StatementSubject parseSubject(JsonNode entry, int index) throws InvalidStatementException {
        String where = "subject " + index;
        if (!entry.isObject() || entry.size() != 2 || !entry.path("name").isTextual() || !entry.path("digest").isObject()) {
            throw new InvalidStatementException(where + " must be {\"name\": string, \"digest\": {\"sha256\": hex}}");
        }
        JsonNode sha256 = entry.path("digest").path("sha256");
        if (!sha256.isTextual()) throw new InvalidStatementException(where + " has no sha256 digest");
        try {
            return new StatementSubject(entry.path("name").textValue(), sha256.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidStatementException(e.getMessage(), e);
        }
    }

    /** Collects subjects and a predicate. Not thread-safe; one builder per statement. */
    public static final class Builder {
        private final List<StatementSubject> subjects = new ArrayList<>();
        private String predicateType = EVALBENCH_REPORT_PREDICATE;
        private ObjectNode predicate = JsonNodeFactory.instance.objectNode();

        private Builder() {}

        /** @throws IllegalArgumentException for a bad name or digest (see {@link StatementSubject}) */
        public Builder subject(String name, String sha256Hex) {
            subjects.add(new StatementSubject(name, sha256Hex));
            return this;
        }

        /** A subject whose digest is computed from the file's exact bytes. */
        public Builder subjectContent(String name, byte[] content) {
            return subject(name, Digests.sha256(content));
        }

        /** A subject whose digest is computed from the file at {@code file} as it is now. */
        public Builder subjectFile(String name, Path file) throws IOException {
            return subject(name, FileDigests.sha256(file));
        }

        public Builder predicateType(String type) {
            this.predicateType = Objects.requireNonNull(type);
            return this;
        }

        /** @throws IllegalArgumentException if {@code predicate} is not a JSON object */
        public Builder predicate(JsonNode predicate) {
            if (predicate == null || !predicate.isObject()) {
                throw new IllegalArgumentException("the predicate must be a JSON object");
            }
            this.predicate = (ObjectNode) predicate;
            return this;
        }

        public InTotoStatement build() {
            return new InTotoStatement(subjects, predicateType, predicate);
        }
    }
}
