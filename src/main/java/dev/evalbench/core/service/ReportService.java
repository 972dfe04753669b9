package dev.evalbench.core.service;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.compare.RunComparison;
import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.report.ReportCases;
import dev.evalbench.core.report.ReportFiles;
import dev.evalbench.core.report.model.ReportedRun;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.report.ReportWriter;
import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.store.RunExport;
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
    public record Result(ReportedRun run, StoredRun baseline, GateReport verdicts, RunGates gates, ReportFiles files,
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
        if (signer != null && !Ed25519Keys.isPair(signer.privateKey(), signer.publicKey())) {
            // Checked before anything is read or written, so the page never names a signer who did not sign.
            throw new SigningInputException("the private key and the public key " + signer.name().keyId() + " are not one key pair");
        }
        RunExport.Exported base = baselineRef == null ? null : RunLookup.baselineWithTemplates(store, baselineRef);
        Reported reported = base == null ? alone(runRef, workspaceDir) : against(runRef, base, workspaceDir);
        ReportContent content = reported.content();
        ReportFiles files = ReportWriter.write(content, out, signer == null ? List.of() : List.of(signer.name()));
        // The prompt templates' text, masked like the report, so two report folders show the template diff; with a
        // baseline, its templates too (the folder alone then shows the diff of the comparison it was written for).
        OutboundMask mask = reported.mask();
        java.util.Map<String, dev.evalbench.core.store.PromptTemplates.Text> templates = new java.util.TreeMap<>();
        if (content.hasBaseline()) {
            templates.putAll(base.templates()); // an exported baseline's, masked as it was exported
            templates.putAll(dev.evalbench.core.store.PromptTemplates.of(content.baseline(), store, text -> mask.text(null, text)));
        }
        templates.putAll(dev.evalbench.core.store.PromptTemplates.of(content.run().versions(), content.run().header().inputs(),
                store, text -> mask.text(null, text)));
        dev.evalbench.core.report.ReportTemplates.write(out, templates);
        Path envelope = out.resolve(ReportSigner.ENVELOPE);
        if (signer != null) {
            ReportSigner.sign(content, Files.readAllBytes(files.json()), Files.readAllBytes(files.markdown()),
                    signer.privateKey(), signer.publicKey(), envelope);
            return new Result(content.run(), content.baseline(), content.gates(), reported.gates(), files, envelope, null);
        }
        return new Result(content.run(), content.baseline(), content.gates(), reported.gates(), files, null,
                Files.exists(envelope) ? envelope : null);
    }

    /** A report's content, the gates it was held to and the mask its texts went through. */
    private record Reported(ReportContent content, RunGates gates, OutboundMask mask) {}

    /**
     * A run reported alone: its full records read one at a time, each masked and written into
     * report-cases.jsonl.gz and let go, so a report of 100,000 cases never holds them all; gated on the run's
     * summaries (as {@code gate} gates it). Reading the records ({@link CaseReadAhead}) and the summaries starts
     * at once, on threads of their own, while this one loads the gates and builds the mask.
     */
    private Reported alone(String runRef, Path workspaceDir) throws WorkspaceException, StoreException {
        RunHeader header = RunLookup.header(store, runRef);
        BackgroundValue<List<CaseSummary>> summaries = BackgroundValue.start("evalbench-summaries", () -> store.summaries(header.id()));
        try (CaseReadAhead records = CaseReadAhead.start(store, header.id())) {
            List<RunEvent> events = store.events(header.id());
            RunGates runGates = found(gates.gatesOf(RunCases.ofSummaries(header, List.of(), events), store, workspaceDir),
                    header, workspaceDir);
            // Gated on the raw records; a report leaves the machine, so everything in it is masked.
            OutboundMask mask = OutboundMasks.of(runGates.workspace(), store, gates.env(), header);
            ReportCases cases = new ReportCases(header, mask.events(events));
            records.forEach(mask::record, cases::add);
            RunCases run = RunCases.ofSummaries(header, done(summaries), events);
            GateReport verdicts = gates.gate(runGates.workspace(), run, null);
            ReportContent content = new ReportContent(cases.finish(), verdicts, null, null, generator());
            return new Reported(content, runGates, mask);
        } finally {
            // Whatever happened, the summary reader has handed its connection back before the store may close.
            summaries.awaitEnd();
        }
    }

    /** The summaries read on their own thread, or the failure that reading them ended in. */
    private static List<CaseSummary> done(BackgroundValue<List<CaseSummary>> summaries) throws StoreException {
        try {
            return summaries.get(StoreException.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("reading the case summaries was interrupted", e);
        }
    }

    /** A run reported against a baseline: the comparison reads both runs' full records, so both are read whole. */
    private Reported against(String runRef, RunExport.Exported baseline, Path workspaceDir)
            throws WorkspaceException, StoreException {
        StoredRun wholeBase = baseline.run();
        StoredRun run = RunLookup.run(store, runRef);
        // A partial run is reported against the baseline's cases of what it ran, as its gates hold it.
        StoredRun base = wholeBase.within(run.header().config());
        RunGates runGates = found(gates.gatesOf(run, store, workspaceDir), run.header(), workspaceDir);
        GateReport verdicts = gates.gate(runGates, run, base);
        // The comparison narrows the whole baseline itself, and so can say what it left out.
        // An exported baseline (CI's main) brings its template texts: the report shows the prompt's diff.
        RunComparison comparison = compare.compare(wholeBase, run, runGates, verdicts, baseline.templates());
        OutboundMask mask = OutboundMasks.of(runGates.workspace(), store, gates.env(), run, base);
        ReportContent content = new ReportContent(ReportCases.of(mask.run(run)), verdicts, mask.run(base), comparison, generator());
        return new Reported(content, runGates, mask);
    }

    /** @throws RequestException field "workspace" when no gates were found (nothing is written then) */
    private static RunGates found(java.util.Optional<RunGates> gates, RunHeader header, Path workspaceDir) throws RequestException {
        return gates.orElseThrow(() -> new RequestException("workspace",
                String.valueOf(workspaceDir), "cannot find the gates of run " + header.id() + ": the history lacks its input snapshots and "
                + (workspaceDir == null ? "no workspace was named" : workspaceDir + " holds no evalbench.yaml")));
    }

    private static String generator() {
        return "evalbench " + AppInfo.appVersion();
    }

    /**
     * A reviewer's approval: adds their signature to {@code envelopeFile} ({@link ReportApproval}: it does not
     * check the signatures already there; verify first) and names them on the report.html beside it, if any.
     * Stateless; does not use the store.
     *
     * @throws SigningInputException if the envelope is not an evalbench report, or this key already signed it
     * @throws dev.evalbench.core.report.ReportApproval.ChangedSinceSigned if report.json or its records beside the
     *                                                                     envelope are not the signed bytes
     */
    public static DsseEnvelope approve(Path envelopeFile, Signer approver)
            throws SigningInputException, IOException, dev.evalbench.core.report.ReportApproval.ChangedSinceSigned {
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
