package dev.evalbench.core.report.sign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A DSSE JSON envelope (https://github.com/secure-systems-lab/dsse, envelope.md):
 * {@code {"payload": <base64 body>, "payloadType": <type>, "signatures": [{"keyid": ..., "sig": ...}]}}.
 * {@code payload} holds the base64 text as it appears in the file (evalbench writes the standard alphabet;
 * the URL-safe one is read too). Immutable; signing returns a new envelope.
 *
 * <p>{@link #toJson()} writes RFC 8785 canonical JSON, so the same envelope is always the same bytes.
 * {@link #parse} is strict: unknown or duplicate members, wrong types and a payload that is not base64 are
 * {@link SigningInputException}s; an undecodable {@code sig} is left for the verifier to report as a bad
 * signature.
 */
public record DsseEnvelope(String payload, String payloadType, List<DsseSignature> signatures) {
    private static final Set<String> ENVELOPE_FIELDS = Set.of("payload", "payloadType", "signatures");
    private static final Set<String> SIGNATURE_FIELDS = Set.of("keyid", "sig");

    /** @throws IllegalArgumentException if {@code payload} is not base64 */
    public DsseEnvelope {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(payloadType, "payloadType");
        signatures = List.copyOf(signatures);
        Dsse.decodeBase64(payload);
    }

    /** An envelope with no signature yet around {@code payload}. */
    public static DsseEnvelope unsigned(String payloadType, byte[] payload) {
        return new DsseEnvelope(Dsse.encodeBase64(payload), payloadType, List.of());
    }

    public byte[] payloadBytes() {
        return Dsse.decodeBase64(payload);
    }

    /** The bytes every signature in this envelope is over. */
    public byte[] pae() {
        return Dsse.pae(payloadType, payloadBytes());
    }

    public DsseEnvelope withSignature(DsseSignature signature) {
        List<DsseSignature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new DsseEnvelope(payload, payloadType, all);
    }

    /** Canonical JSON (RFC 8785) of the envelope; an empty keyid is omitted, as DSSE allows. */
    public byte[] toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("payload", payload);
        root.put("payloadType", payloadType);
        ArrayNode sigs = root.putArray("signatures");
        for (DsseSignature s : signatures) {
            ObjectNode entry = sigs.addObject();
            if (!s.keyid().isEmpty()) entry.put("keyid", s.keyid());
            entry.put("sig", s.sig());
        }
        return CanonicalJson.canonicalize(root);
    }

    /** Reads and parses an envelope file; every failure names the file. */
    public static DsseEnvelope read(Path file) throws SigningInputException {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new SigningInputException(file + ": file not found", e);
        } catch (IOException e) {
            throw new SigningInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** @param sourceName the file name used in messages */
    public static DsseEnvelope parse(byte[] json, String sourceName) throws SigningInputException {
        JsonNode root;
        try {
            root = StrictJson.parse(json);
        } catch (JsonProcessingException e) {
            throw new SigningInputException(sourceName + ": not JSON (" + StrictJson.describe(e) + ")", e);
        }
        if (!root.isObject()) {
            throw new SigningInputException(sourceName + ": not a DSSE envelope (expected a JSON object)");
        }
        requireOnly(root, ENVELOPE_FIELDS, sourceName, "envelope");
        String payload = text(root, "payload", sourceName, "envelope");
        String payloadType = text(root, "payloadType", sourceName, "envelope");
        JsonNode sigs = root.get("signatures");
        if (sigs == null || !sigs.isArray()) {
            throw new SigningInputException(sourceName + ": DSSE envelope needs a \"signatures\" array");
        }
        List<DsseSignature> signatures = new ArrayList<>();
        for (int i = 0; i < sigs.size(); i++) {
            JsonNode entry = sigs.get(i);
            String where = "signature " + (i + 1);
            if (!entry.isObject()) {
                throw new SigningInputException(sourceName + ": " + where + " is not a JSON object");
            }
            requireOnly(entry, SIGNATURE_FIELDS, sourceName, where);
            String keyid = entry.has("keyid") ? text(entry, "keyid", sourceName, where) : "";
            signatures.add(new DsseSignature(keyid, text(entry, "sig", sourceName, where)));
        }
        try {
            return new DsseEnvelope(payload, payloadType, signatures);
        } catch (IllegalArgumentException e) {
            throw new SigningInputException(sourceName + ": the envelope's \"payload\" is not base64", e);
        }
    }

    private static void requireOnly(JsonNode node, Set<String> allowed, String sourceName, String where)
            throws SigningInputException {
        for (String name : (Iterable<String>) node::fieldNames) {
            if (!allowed.contains(name)) {
                throw new SigningInputException(sourceName + ": " + where + " has an unknown member \"" + name
                        + "\" (a DSSE envelope has only " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String sourceName, String where) throws SigningInputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new SigningInputException(sourceName + ": " + where + " needs a string \"" + field + "\"");
        }
        return value.textValue();
    }
}
