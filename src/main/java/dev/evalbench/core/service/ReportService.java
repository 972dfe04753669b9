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

/**
 * The report pipeline: find the run (and baseline), find its gates, gate it, compare, write report.json,
 * report.md and report.html, and sign them when a key pair is given. Writes the report whatever the verdict.
 * The store stays the caller's. Blocks while writing; call it off the FX thread.
 */
public final class ReportService {
    /** An Ed25519 key pair to sign with; the caller has checked that they match. */
    public record Signer(PrivateKey privateKey, PublicKey publicKey) {}

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
        ReportFiles files = ReportWriter.write(content, out);
        Path envelope = out.resolve(ReportSigner.ENVELOPE);
        if (signer != null) {
            ReportSigner.sign(content, Files.readAllBytes(files.json()), signer.privateKey(), signer.publicKey(), envelope);
            return new Result(maskedRun, maskedBase, verdicts, runGates, files, envelope, null);
        }
        return new Result(maskedRun, maskedBase, verdicts, runGates, files, null, Files.exists(envelope) ? envelope : null);
    }
}
