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

/**
 * Opens what CI produced as a run, read-only and without a history: an exported run file ({@code export}), a
 * report folder (its {@code report.json}, with the records it binds in {@code report-cases.jsonl.gz}, checked
 * by digest), a report.json itself, or a DSSE envelope, which opens the report folder it sits in (its
 * signatures are checked elsewhere: {@code verify}). Anything else is a {@link RunFileException} naming the
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
            return new OpenedRun(RunExport.read(report), report, path, "report");
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
            return new OpenedRun(RunExport.read(report), report, path, "report, opened from its envelope,");
        }
        String kind = isReport(path) ? "report" : "run export";
        return new OpenedRun(RunExport.read(path), path, path, kind);
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
