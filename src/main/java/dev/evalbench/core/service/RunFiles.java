package dev.evalbench.core.service;

import dev.evalbench.core.report.ReportJson;
import dev.evalbench.core.report.ReportSigner;
import dev.evalbench.core.store.RunExport;
import dev.evalbench.core.store.RunFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens what CI produced as a run, read-only and without a history: an exported run file ({@code export}), a
 * report folder (its {@code report.json}, with the records it binds in {@code report-cases.jsonl.gz}, checked
 * by digest, and the baseline's it was compared with in {@code report-baseline-cases.jsonl.gz}, without which the
 * run opens alone, saying why), a report.json itself, or a DSSE envelope, which opens the report folder it sits in (its
 * signatures are checked elsewhere: {@code verify}). A canary or shadow report folder (or its report.json) opens
 * as its {@link VerdictReport}. An export's prompt template texts come along ({@link OpenedRun#templates}). Anything else is a {@link RunFileException} naming the
 * file, and where in it when the problem has a place. Stateless; blocking (reads files): never on a UI thread.
 */
public final class RunFiles {
    /** The name of the report file a report folder must hold. */
    public static final String REPORT = "report.json";

    private RunFiles() {}

    public static OpenedRun open(Path path) throws RunFileException {
        if (Files.isDirectory(path)) {
            Path report = path.resolve(REPORT);
            if (!Files.isRegularFile(report)) {
                throw new RunFileException(path.toString(), 0, 0, "is a folder without " + REPORT
                        + ": expected a report folder (written by `evalbench report`) or a run file (written by `evalbench export`)");
            }
            return read(report, path, "report");
        }
        if (!Files.isRegularFile(path)) {
            throw new RunFileException(path.toString(), 0, 0, "no such file or folder");
        }
        if (isEnvelope(path)) {
            Path report = path.toAbsolutePath().resolveSibling(REPORT);
            if (!Files.isRegularFile(report)) {
                throw new RunFileException(path.toString(), 0, 0, "is a signed envelope, but no " + REPORT
                        + " is next to it: open the whole report folder");
            }
            return read(report, path, "report, opened from its envelope,");
        }
        String kind = isReport(path) ? "report" : "run export";
        return read(path, path, kind);
    }

    private static OpenedRun read(Path file, Path opened, String kind) throws RunFileException {
        if (isVerdict(file)) {
            var verdict = VerdictReport.read(file);
            if (verdict.isPresent()) {
                return OpenedRun.ofVerdict(verdict.get(), file, opened, notAsSigned(file, envelopeBeside(file)));
            }
        }
        RunExport.Exported exported = withTemplates(file);
        if (!isReport(file)) {
            return new OpenedRun(exported.run(), file, opened, kind, exported.templates(), null, null, null, null, null, null,
                    null);
        }
        var gates = dev.evalbench.core.report.ReportGates.of(exported.gates()).orElse(null);
        java.util.Optional<dev.evalbench.core.record.StoredRun> baseline;
        String baselineUnread = null;
        try {
            baseline = RunExport.baselineOfReport(file, exported);
        } catch (RunFileException e) {
            // The run's records were read and checked: a folder that lost (or had changed) only the baseline's
            // still shows its run, and says why its comparison cannot be opened.
            baseline = java.util.Optional.empty();
            baselineUnread = e.getMessage();
        }
        Path envelope = envelopeBeside(file);
        return new OpenedRun(exported.run(), file, opened, kind, exported.templates(), null, gates, baseline.orElse(null),
                baseline.isEmpty() ? null : dev.evalbench.core.report.ReportGates.baselineOf(exported.comparison()).orElse(null),
                baselineUnread, envelope, notAsSigned(file, envelope));
    }

    /**
     * How {@code reportJson} differs from what the envelope beside it signed, or null (as signed, or no envelope): for
     * a command about to read a signed report, to say so first. Reads no records (their reader checks them against
     * report.json).
     */
    public static String notAsSigned(Path reportJson) {
        return notAsSigned(reportJson, envelopeBeside(reportJson));
    }

    /**
     * How {@code file} (a report.json) differs from what {@code envelope} signed, or null (as signed, or no
     * envelope). Checked as the folder is read, off any UI thread and with no key: a reviewer shown a signed
     * report's verdicts must learn at once that they are not the ones signed, not only after "Verify".
     */
    private static String notAsSigned(Path file, Path envelope) {
        List<String> changed = envelope == null ? List.of()
                : dev.evalbench.core.report.sign.ReportVerifier.reportJsonProblems(envelope, file);
        return changed.isEmpty() ? null : String.join("; ", changed);
    }

    /**
     * The run in {@code file} (an export or a report.json) with the prompt template texts it carries: an export's
     * own, a report's from the folder beside it ({@code report-templates.json}).
     */
    public static RunExport.Exported withTemplates(Path file) throws RunFileException {
        RunExport.Exported exported = RunExport.readWithTemplates(file);
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !isReport(file)) return exported;
        var templates = new java.util.HashMap<>(exported.templates());
        templates.putAll(dev.evalbench.core.report.ReportTemplates.read(folder));
        return exported.withTemplates(templates);
    }

    /**
     * A canary or shadow report by its top-level "format" (canonical JSON sorts keys, so it may come after a long
     * member: the tokens are scanned, nothing is kept). A file that is not JSON is left to the run reader to explain.
     */
    private static boolean isVerdict(Path file) {
        try (InputStream in = Files.newInputStream(file);
             com.fasterxml.jackson.core.JsonParser p = dev.evalbench.core.json.Json.MAPPER.getFactory().createParser(in)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return false;
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("format")) {
                    String format = p.getValueAsString("");
                    return format.equals(dev.evalbench.core.canary.CanaryReport.FORMAT)
                            || format.equals(dev.evalbench.core.shadow.ShadowReport.FORMAT);
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The signed envelope beside a report.json, or null when the report was left unsigned. */
    private static Path envelopeBeside(Path reportJson) {
        Path envelope = reportJson.toAbsolutePath().resolveSibling(ReportSigner.ENVELOPE);
        return Files.isRegularFile(envelope) ? envelope : null;
    }

    /** An envelope by its name ({@value ReportSigner#ENVELOPE}, or any *.intoto.json) or by its first bytes. */
    static boolean isEnvelope(Path file) throws RunFileException {
        String name = file.getFileName().toString();
        if (name.equals(ReportSigner.ENVELOPE) || name.endsWith(".intoto.json")) return true;
        String head = head(file);
        return head.contains("\"payloadType\"") && head.contains("\"signatures\"") && !head.contains("\"run\"");
    }

    private static boolean isReport(Path file) throws RunFileException {
        return head(file).contains(ReportJson.FORMAT) || file.getFileName().toString().equals(REPORT);
    }

    /** The first few kilobytes as text: enough to tell the formats apart without parsing a large file twice. */
    private static String head(Path file) throws RunFileException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFileException(file.toString(), 0, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }
}
