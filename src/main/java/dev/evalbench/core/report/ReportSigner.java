package dev.evalbench.core.report;

import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.io.AtomicFiles;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.compare.CompareJson;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.report.sign.Dsse;
import dev.evalbench.core.report.sign.DsseEnvelope;
import dev.evalbench.core.report.sign.DsseSigner;
import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.InTotoStatement;
import dev.evalbench.core.report.sign.SigningInputException;
import dev.evalbench.core.report.sign.StatementSubject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs a written report: a DSSE envelope ({@value Dsse#IN_TOTO_PAYLOAD_TYPE}) around an in-toto Statement v1
 * whose subjects are {@code report.json} (the SHA-256 of its exact bytes), {@code report.md} beside it (the pull
 * request's comment; report.html is not, as approving names the approver on it) and every input file the run used
 * (the workspace-relative paths and SHA-256 values of {@code RunHeader.inputs()}), and whose predicate
 * ({@value InTotoStatement#EVALBENCH_REPORT_PREDICATE}) carries the run's id, workspace, status, baseline, the
 * distinct version tuples its cases recorded and every gate verdict. The envelope is written as canonical
 * JSON to {@value #ENVELOPE}, atomically. Stateless.
 */
public final class ReportSigner {
    public static final String ENVELOPE = "report.intoto.json";

    private ReportSigner() {}

    /** The statement for a report whose report.json and report.md have exactly these bytes. */
    public static InTotoStatement statement(ReportContent content, byte[] reportJson, byte[] reportMd) {
        InTotoStatement.Builder builder = InTotoStatement.builder().subjectContent(StatementSubject.REPORT_NAME, reportJson)
                .subjectContent(StatementSubject.MARKDOWN_NAME, reportMd);
        Map<String, String> inputs = content.run().header().inputs() == null ? Map.of() : new TreeMap<>(content.run().header().inputs());
        inputs.forEach(builder::subject);
        return builder.predicate(predicate(content)).build();
    }

    /**
     * Signs and writes the envelope.
     *
     * @throws SigningInputException if the private and public key are not one pair
     */
    public static DsseEnvelope sign(ReportContent content, byte[] reportJson, byte[] reportMd, PrivateKey key,
                                    PublicKey publicKey, Path envelopeFile) throws SigningInputException, IOException {
        if (!Ed25519Keys.isPair(key, publicKey)) {
            throw new SigningInputException("the private key and the public key " + Ed25519Keys.keyId(publicKey)
                    + " are not one key pair");
        }
        DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement(content, reportJson, reportMd).payload(),
                key, Ed25519Keys.keyId(publicKey));
        AtomicFiles.write(envelopeFile, envelope.toJson());
        return envelope;
    }

    static ObjectNode predicate(ReportContent content) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("run_id", content.run().id());
        p.put("workspace", content.run().header().workspace());
        p.put("status", content.run().header().status().name().toLowerCase(java.util.Locale.ROOT));
        p.put("baseline_run_id", content.hasBaseline() ? content.baseline().id() : null);
        p.put("generator", content.generator());
        p.put("passed", content.passed());
        ArrayNode versions = p.putArray("versions");
        content.run().versions().forEach(t -> versions.add(Json.MAPPER.<ObjectNode>valueToTree(t)));
        ArrayNode gates = p.putArray("gates");
        for (GateVerdict v : content.gates().verdicts()) gates.add(CompareJson.verdict(v).without("detail"));
        return p;
    }
}
