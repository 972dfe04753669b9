package dev.evalbench.core.report.sign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A signed report on disk, as the report writer will leave it: a workspace with two input files, a report
 * file, an author's key pair written by {@link Ed25519Keys}, and the envelope signed by the author.
 */
final class SignedReportFixture {
    final Path workspace;
    final Path report;
    final Path markdown;
    final Path envelope;
    final Path authorKey;
    final Path authorPub;
    final String authorId;

    SignedReportFixture(Path root) throws Exception {
        workspace = Files.createDirectories(root.resolve("workspace"));
        Files.createDirectories(workspace.resolve("prompts"));
        Files.createDirectories(workspace.resolve("datasets"));
        Files.writeString(workspace.resolve("prompts/triage.yaml"), "id: triage\nrevision: 3\nbody: |\n  Classify {{ ticket }}\n");
        Files.writeString(workspace.resolve("datasets/cases.jsonl"), "{\"id\":\"c1\",\"ticket\":\"refund\"}\n");
        Path out = Files.createDirectories(root.resolve("out"));
        report = out.resolve("report.json");
        Files.writeString(report, "{\"run_id\":\"r-42\",\"gates\":[{\"id\":\"schema\",\"passed\":true}]}\n");
        markdown = out.resolve("report.md");
        Files.writeString(markdown, "## ✅ Evalbench report: all 1 gates pass\n");
        Path keys = Files.createDirectories(root.resolve("keys"));
        authorKey = keys.resolve("author.key");
        authorPub = keys.resolve("author.pub");
        authorId = Ed25519Keys.writeKeyPair(Ed25519Keys.generate(), authorKey, authorPub);

        InTotoStatement statement = statementBuilder().build();
        DsseEnvelope signed = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement.payload(),
                Ed25519Keys.readPrivateKey(authorKey), authorId);
        envelope = out.resolve("report.dsse.json");
        Files.write(envelope, signed.toJson());
    }

    /** The statement the fixture signs, for tests that want to sign a variant. */
    InTotoStatement.Builder statementBuilder() throws IOException {
        ObjectNode predicate = JsonNodeFactory.instance.objectNode().put("run_id", "r-42").put("gates_passed", true);
        return InTotoStatement.builder()
                .subjectFile("report.json", report)
                .subjectFile("report.md", markdown)
                .subjectFile("prompts/triage.yaml", workspace.resolve("prompts/triage.yaml"))
                .subjectFile("datasets/cases.jsonl", workspace.resolve("datasets/cases.jsonl"))
                .predicate(predicate);
    }

    DsseEnvelope readEnvelope() throws SigningInputException {
        return DsseEnvelope.read(envelope);
    }

    void writeEnvelope(DsseEnvelope replacement) throws IOException {
        Files.write(envelope, replacement.toJson());
    }

    PrivateKey authorPrivateKey() throws SigningInputException {
        return Ed25519Keys.readPrivateKey(authorKey);
    }

    PublicKey authorPublicKey() throws SigningInputException {
        return Ed25519Keys.readPublicKey(authorPub);
    }

    static void appendByte(Path file) throws IOException {
        Files.write(file, " ".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
    }
}
