package dev.evalbench.core.service;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.ReportFiles;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.report.ReportWriter;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import dev.evalbench.core.workspace.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.evalbench.core.report.sign.SigningInputException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import dev.evalbench.core.report.ReportApproval;
import dev.evalbench.core.report.html.ReportHtml;
import dev.evalbench.core.report.model.SignerName;
import dev.evalbench.core.report.sign.DsseEnvelope;
import dev.evalbench.core.report.sign.Ed25519Keys;
import java.nio.charset.StandardCharsets;

/**
 * The report pipeline: find the run (and baseline), find its gates, gate it, compare, write report.json,
 * report.md and report.html, and sign them when a key pair is given. Writes the report whatever the verdict.
 * The store stays the caller's. Blocks while writing; call it off the FX thread.
 */
public final class ReportService {
    /**
     * An Ed25519 key pair to sign with; {@code label} names the signer on report.html (the name the key carries,
     * {@link dev.evalbench.core.report.sign.KeyName}; "" for a key without one, shown by its fingerprint).
     */
    public record Signer(PrivateKey privateKey, PublicKey publicKey, String label) {
        /** A signer whose key carries no name. */
        public Signer(PrivateKey privateKey, PublicKey publicKey) {
            this(privateKey, publicKey, "");
        }

        public SignerName name() {
            return new SignerName(label == null ? "" : label, Ed25519Keys.keyId(publicKey), Ed25519Keys.fingerprint(publicKey));
        }
    }

    /**
     * What was written. {@code envelope} is the signed statement, or null when unsigned; {@code staleEnvelope}
     * is an envelope left from an earlier signing (it signs the report.json it was made with).
     */
    public record Result(StoredRun run, StoredRun baseline, GateReport verdicts, RunGates gates, ReportFiles files,
                         Path envelope, Path staleEnvelope) {}

    private final RunStore store;
    private final GateService gates;
    private final CompareService compare;

    public ReportService(RunStore store, GateService gates) {
        this.store = store;
        this.gates = gates;
        this.compare = new CompareService(store, gates);
    }

    /**
     * @param baselineRef  null for no comparison
     * @param workspaceDir where to find gates when the history lacks the run's snapshots
     * @param signer       null to leave the report unsigned
     * @throws RequestException field "workspace" when no gates can be found (nothing is written then)
     * @throws IOException      when a file cannot be written
     */
    public Result write(String runRef, String baselineRef, Path workspaceDir, Path out, Signer signer)
            throws WorkspaceException, StoreException, IOException, SigningInputException {
        StoredRun run = RunLookup.run(store, runRef);
        StoredRun base = baselineRef == null ? null : RunLookup.baseline(store, baselineRef);
        RunGates runGates = gates.gatesOf(run, store, workspaceDir).orElseThrow(() -> new RequestException("workspace",
                String.valueOf(workspaceDir), "cannot find the gates of run " + run.id() + ": the history lacks its input snapshots and "
                + (workspaceDir == null ? "no workspace was named" : workspaceDir + " holds no evalbench.yaml")));
        GateReport verdicts = gates.gate(runGates, run, base);
        RunComparison comparison = base == null ? null : compare.compare(base, run, runGates, verdicts);
        // Gated on the raw records; a report leaves the machine, so everything in it is masked.
        OutboundMask mask = OutboundMasks.of(runGates.workspace(), store, gates.env(), run, base);
        StoredRun maskedRun = mask.run(run);
        StoredRun maskedBase = mask.run(base);
        ReportContent content = new ReportContent(maskedRun, verdicts, maskedBase, comparison, "evalbench " + AppInfo.appVersion());
        if (signer != null && !Ed25519Keys.isPair(signer.privateKey(), signer.publicKey())) {
            // Checked before anything is written, so the page never names a signer who did not sign.
            throw new SigningInputException("the private key and the public key " + signer.name().keyId() + " are not one key pair");
        }
        ReportFiles files = ReportWriter.write(content, out, signer == null ? List.of() : List.of(signer.name()));
        // The prompt templates' text, masked like the report, so two report folders show the template diff.
        dev.evalbench.core.report.ReportTemplates.write(out, dev.evalbench.core.store.PromptTemplates.of(run, store, text -> mask.text(null, text)));
        Path envelope = out.resolve(ReportSigner.ENVELOPE);
        if (signer != null) {
            ReportSigner.sign(content, Files.readAllBytes(files.json()), signer.privateKey(), signer.publicKey(), envelope);
            return new Result(maskedRun, maskedBase, verdicts, runGates, files, envelope, null);
        }
        return new Result(maskedRun, maskedBase, verdicts, runGates, files, null, Files.exists(envelope) ? envelope : null);
    }

    /**
     * A reviewer's approval: adds their signature to {@code envelopeFile} ({@link ReportApproval}: it does not
     * check the signatures already there; verify first) and names them on the report.html beside it, if any.
     * Stateless; does not use the store.
     *
     * @throws SigningInputException if the envelope is not an evalbench report, or this key already signed it
     */
    public static DsseEnvelope approve(Path envelopeFile, Signer approver) throws SigningInputException, IOException {
        DsseEnvelope approved = ReportApproval.approve(envelopeFile, approver.privateKey(), approver.publicKey());
        Path parent = envelopeFile.toAbsolutePath().getParent();
        Path html = parent == null ? null : parent.resolve(ReportWriter.HTML);
        if (html != null && Files.isRegularFile(html)) {
            String page = Files.readString(html, StandardCharsets.UTF_8);
            dev.evalbench.core.io.AtomicFiles.write(html, ReportHtml.withApproval(page, approver.name()).getBytes(StandardCharsets.UTF_8));
        }
        return approved;
    }
}
