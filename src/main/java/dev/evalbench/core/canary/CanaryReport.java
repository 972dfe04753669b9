package dev.evalbench.core.canary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.CanonicalJson;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.report.JcsValues;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.report.ReportWriter;
import dev.evalbench.core.report.RollbackTargets;
import dev.evalbench.core.report.model.RollbackTarget;
import dev.evalbench.core.report.sign.Dsse;
import dev.evalbench.core.report.sign.DsseEnvelope;
import dev.evalbench.core.report.sign.DsseSigner;
import dev.evalbench.core.report.sign.Ed25519Keys;
import dev.evalbench.core.report.sign.InTotoStatement;
import dev.evalbench.core.report.sign.SigningInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canary (or shadow) verdict as a report folder like a run's: {@code report.json} (canonical JSON, format
 * {@value #FORMAT}: the verdict, its reason, every metric with its statistic, interval, effect and p-value, the
 * two runs and the rollback target), {@code report.md} for the pull request, and, when a key pair is given,
 * {@code report.intoto.json}: a DSSE envelope around an in-toto statement whose subjects are report.json and the
 * candidate run's input files, signed with the same signer as run reports, so {@code evalbench verify} checks it.
 * Files are written together atomically. Stateless.
 */
public final class CanaryReport {
    public static final String FORMAT = "evalbench-canary/1";

    private CanaryReport() {}

    public static ObjectNode toJson(CanaryResult r, RunHeader control, RunHeader canary, RollbackTarget rollback, String generator) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("generator", generator);
        root.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
        root.put("reason", r.reason());
        root.put("score", r.score());
        root.set("control", run(control, r.controlRequests()));
        root.set("canary", run(canary, r.canaryRequests()));
        root.set("options", Json.MAPPER.valueToTree(r.options()));
        ArrayNode metrics = root.putArray("metrics");
        for (MetricJudgement m : r.metrics()) {
            ObjectNode o = Json.MAPPER.valueToTree(m);
            o.put("metric", m.metric().id());
            o.put("label", m.metric().label());
            o.put("status", m.status().name().toLowerCase(Locale.ROOT));
            o.put("critical", m.metric().critical());
            metrics.add(o);
        }
        root.set("rollback_target", RollbackTargets.json(rollback));
        return root;
    }

    private static ObjectNode run(RunHeader h, int requests) {
        return Json.MAPPER.createObjectNode().put("run_id", h.id()).put("kind", h.kind().name().toLowerCase(Locale.ROOT))
                .put("workspace", h.workspace()).put("requests", requests);
    }

    public static String markdown(CanaryResult r, RollbackTarget rollback, String generator, String reportSha256) {
        StringBuilder md = new StringBuilder();
        String mark = switch (r.verdict()) {
            case PROMOTE -> "✅ promote";
            case HOLD -> "⏸️ hold";
            case ROLL_BACK -> "❌ roll back";
        };
        md.append("## Canary verdict: ").append(mark).append("\n\n");
        md.append("Control `").append(r.controlRunId()).append("` (").append(r.controlRequests()).append(" requests) vs canary `")
                .append(r.canaryRunId()).append("` (").append(r.canaryRequests()).append(" requests): ").append(r.reason()).append(".\n\n");
        md.append("| metric | status | control | canary | effect | 95% interval | p | floor |\n|---|---|---|---|---|---|---|---|\n");
        for (MetricJudgement m : r.metrics()) {
            // The figures as the line below the table and the window's verdict table write them.
            MetricFigures f = MetricFigures.of(m);
            md.append("| ").append(m.metric().label()).append(m.metric().critical() ? " (critical)" : "")
                    .append(" | ").append(m.bad() ? "❌ " : "").append(m.statusWords())
                    .append(" | ").append(f.first()).append(" | ").append(f.second())
                    .append(" | ").append(f.effect()).append(" | ").append(f.interval())
                    .append(" | ").append(f.p()).append(" | ").append(f.floor()).append(" |\n");
        }
        md.append('\n');
        r.metrics().forEach(m -> md.append("- ").append(m.detail()).append('\n'));
        md.append('\n');
        RollbackTargets.markdown(md, rollback);
        md.append("_").append(generator).append(" · report.json sha256 `").append(reportSha256).append("`_\n");
        return md.toString();
    }

    /**
     * Writes report.json and report.md into {@code dir} (and signs, when {@code key} is given).
     *
     * @param inputs the candidate run's input files (workspace-relative path to SHA-256), signed as subjects
     * @return the SHA-256 of report.json
     */
    public static String write(ObjectNode json, String markdownWithoutSha, Path dir, Map<String, String> inputs,
                               PrivateKey key, PublicKey publicKey) throws IOException, SigningInputException {
        return write(json, markdownWithoutSha, dir, inputs, key, publicKey, json.path("canary").path("run_id").asText(),
                json.path("control").path("run_id").asText(), json.path("canary").path("workspace").asText(),
                "promote".equals(json.path("verdict").asText()));
    }

    /**
     * Writes a verdict report (canary or shadow): report.json from {@code json} (its {@code format} and {@code verdict}
     * go into the signed predicate with the run ids), report.md with {@code {report_sha256}} replaced, and the
     * envelope when {@code key} is given.
     *
     * @return the SHA-256 of report.json
     */
    public static String write(ObjectNode json, String markdownWithoutSha, Path dir, Map<String, String> inputs,
                               PrivateKey key, PublicKey publicKey, String runId, String baselineRunId, String workspace,
                               boolean passed) throws IOException, SigningInputException {
        byte[] bytes = CanonicalJson.canonicalize(JcsValues.representable(json));
        String sha256 = Digests.sha256(bytes);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(dir.resolve(ReportWriter.JSON), bytes);
        byte[] markdown = markdownWithoutSha.replace("{report_sha256}", sha256).getBytes(StandardCharsets.UTF_8);
        files.put(dir.resolve(ReportWriter.MARKDOWN), markdown);
        if (key != null) {
            if (!Ed25519Keys.isPair(key, publicKey)) {
                throw new SigningInputException("the private key and the public key " + Ed25519Keys.keyId(publicKey) + " are not one key pair");
            }
            // report.md is the verdict a pull request shows: signed with report.json, as a run's report is.
            InTotoStatement.Builder statement = InTotoStatement.builder()
                    .subjectContent(dev.evalbench.core.report.sign.StatementSubject.REPORT_NAME, bytes)
                    .subjectContent(dev.evalbench.core.report.sign.StatementSubject.MARKDOWN_NAME, markdown);
            new TreeMap<>(inputs).forEach(statement::subject);
            ObjectNode predicate = Json.MAPPER.createObjectNode();
            predicate.put("kind", json.path("format").asText());
            predicate.put("run_id", runId);
            predicate.put("baseline_run_id", baselineRunId);
            predicate.put("workspace", workspace);
            predicate.put("generator", json.path("generator").asText());
            predicate.put("verdict", json.path("verdict").asText());
            predicate.put("passed", passed);
            DsseEnvelope envelope = DsseSigner.sign(Dsse.IN_TOTO_PAYLOAD_TYPE, statement.predicate(predicate).build().payload(),
                    key, Ed25519Keys.keyId(publicKey));
            files.put(dir.resolve(ReportSigner.ENVELOPE), envelope.toJson());
        }
        AtomicFiles.writeAll(files);
        return sha256;
    }
}
