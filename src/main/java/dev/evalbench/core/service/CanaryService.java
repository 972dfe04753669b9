package dev.evalbench.core.service;

import dev.evalbench.core.canary.CanaryJudge;
import dev.evalbench.core.canary.CanaryOptions;
import dev.evalbench.core.canary.CanaryReport;
import dev.evalbench.core.canary.CanaryResult;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunKind;
import dev.evalbench.core.report.RollbackTargets;
import dev.evalbench.core.report.model.RollbackTarget;
import dev.evalbench.core.report.sign.SigningInputException;
import dev.evalbench.core.run.AppInfo;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code evalbench canary CONTROL CANARY}: judges two traffic runs of the history ({@link CanaryJudge}) and, when
 * asked, writes the verdict as a report folder, signed when a key pair is given ({@link CanaryReport}). The
 * rollback target is the control's versions and files. Reads compact summaries (and the control's full records
 * for its versions); the store stays the caller's. Blocking; thread-safe.
 */
public final class CanaryService {
    /** The verdict and, when written, the report's folder and the SHA-256 of its report.json. */
    public record Result(CanaryResult result, RunHeader control, RunHeader canary, RollbackTarget rollback, Path reportDir,
                         String reportSha256) {}

    private final RunStore store;

    public CanaryService(RunStore store) {
        this.store = store;
    }

    /**
     * @param out    the report folder, or null for none
     * @param signer the key pair to sign with, or null
     * @throws RequestException field "run" when a run is unknown or is not a traffic run
     */
    public Result judge(String controlRef, String canaryRef, CanaryOptions options, Path out, ReportService.Signer signer)
            throws RequestException, StoreException, IOException, SigningInputException {
        RunCases control = traffic(controlRef);
        RunCases canary = traffic(canaryRef);
        CanaryResult result = new CanaryJudge(options).judge(control.id(), control.cases(), canary.id(), canary.cases());
        RollbackTarget rollback = RollbackTargets.of(control.header(),
                store.cases(control.id()).stream().map(CaseRecord::versions).filter(java.util.Objects::nonNull).toList());
        if (out == null) return new Result(result, control.header(), canary.header(), rollback, null, null);
        String generator = "evalbench " + AppInfo.appVersion();
        String sha = CanaryReport.write(CanaryReport.toJson(result, control.header(), canary.header(), rollback, generator),
                CanaryReport.markdown(result, rollback, generator, "{report_sha256}"), out, canary.header().inputs(),
                signer == null ? null : signer.privateKey(), signer == null ? null : signer.publicKey());
        return new Result(result, control.header(), canary.header(), rollback, out, sha);
    }

    private RunCases traffic(String ref) throws RequestException, StoreException {
        RunCases run = RunLookup.runCases(store, ref);
        RunHeader h = run.header();
        if (h.kind() != RunKind.TRAFFIC) {
            throw new RequestException("run", ref, "run " + h.id() + " is an " + h.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " run; a canary compares two traffic runs (import them with `evalbench traffic import FILE`)");
        }
        return run;
    }
}
