package dev.evalbench.cli;

import dev.evalbench.core.json.Digests;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.report.ReportFiles;
import dev.evalbench.core.report.ReportFixture;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.report.ReportWriter;
import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report written and signed by the core into {@code root/out}, over a run whose inputs are real files in
 * {@code root/workspace}, with the author's keys made by {@code evalbench keygen} in {@code root/keys}.
 */
final class SignedReportOnDisk {
    final Path workspace;
    final Path out;
    final Path report;
    final Path envelope;
    final Path authorKey;
    final Path authorPub;

    SignedReportOnDisk(Path root) throws Exception {
        this(root, "\n");
    }

    /** @param lineEnd what ends each line of the workspace's files, as the signer's checkout had them */
    SignedReportOnDisk(Path root, String lineEnd) throws Exception {
        workspace = Files.createDirectories(root.resolve("workspace"));
        Map<String, String> files = Map.of(
                "prompts/triage.yaml", "id: triage\nrevision: 4\nbody: |\n  Classify {{ ticket }}\n",
                "datasets/tickets.jsonl", "{\"id\":\"t001\",\"vars\":{\"ticket\":\"charged twice\"}}\n",
                "gates.yaml", "gates:\n  - {id: schema, kind: schema_pass_rate, min: 0.99}\n");
        Map<String, String> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = workspace.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            String text = f.getValue().replace("\n", lineEnd);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            inputs.put(f.getKey(), Digests.sha256(text));
        }
        StoredRun fixture = ReportFixture.run();
        RunHeader h = fixture.header();
        StoredRun run = new StoredRun(new RunHeader(h.id(), h.workspace(), h.workspacePath(), h.config(), h.status(),
                h.startedAt(), h.finishedAt(), h.appVersion(), h.gitCommit(), inputs, h.plannedCases(), h.pid(), h.tags()),
                fixture.cases(), fixture.events());
        ReportContent content = new ReportContent(dev.evalbench.core.report.ReportCases.of(run), ReportFixture.gates(run, null), null, null, "evalbench test");

        Path keys = root.resolve("keys");
        Cli.Result keygen = Cli.run("keygen", "--out", keys.toString(), "--name", "author");
        if (keygen.exit() != 0) throw new AssertionError(keygen.err());
        authorKey = keys.resolve("author.key");
        authorPub = keys.resolve("author.pub");

        out = root.resolve("out");
        ReportFiles written = ReportWriter.write(content, out);
        report = written.json();
        envelope = out.resolve(ReportSigner.ENVELOPE);
        ReportSigner.sign(content, Files.readAllBytes(report), Files.readAllBytes(written.markdown()),
                Ed25519Keys.readPrivateKey(authorKey),
                Ed25519Keys.readPublicKey(authorPub), envelope);
    }

    String authorKeyId() throws Exception {
        return Ed25519Keys.keyId(Ed25519Keys.readPublicKey(authorPub));
    }
}
