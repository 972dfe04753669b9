package dev.evalbench.core.report;

import dev.evalbench.core.report.model.ReportContent;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.report.html.ReportHtml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import dev.evalbench.core.report.model.SignerName;
import java.util.Map;

/**
 * Writes a report's three views into a folder: {@value #JSON} (canonical, the one that is signed),
 * {@value #MARKDOWN} (for the pull request) and {@value #HTML} (one self-contained page), and the run's full
 * records ({@link ReportCases#FILE}, bound by digest from report.json), and with a baseline the baseline's
 * ({@link ReportJson#BASELINE_CASES_FILE}, bound the same way). They are
 * written together through {@link AtomicFiles}: either all are replaced or, on failure, none is. The folder is
 * created when missing. Stateless.
 */
public final class ReportWriter {
    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private ReportWriter() {}

    public static ReportFiles write(ReportContent content, Path dir) throws IOException {
        return write(content, dir, List.of());
    }

    /** @param signers who will sign it (the author first), named on report.html; empty for none */
    public static ReportFiles write(ReportContent content, Path dir, List<SignerName> signers) throws IOException {
        byte[] cases = content.run().casesFile();
        byte[] baselineCases = content.hasBaseline() ? ReportJson.baselineCases(content) : null;
        byte[] json = ReportJson.bytes(content, baselineCases);
        String sha256 = Digests.sha256(json);
        Path jsonFile = dir.resolve(JSON);
        Path mdFile = dir.resolve(MARKDOWN);
        Path htmlFile = dir.resolve(HTML);
        Map<Path, byte[]> files = new LinkedHashMap<>();
        files.put(jsonFile, json);
        files.put(dir.resolve(ReportCases.FILE), cases);
        if (baselineCases != null) files.put(dir.resolve(ReportJson.BASELINE_CASES_FILE), baselineCases);
        files.put(mdFile, ReportMarkdown.render(content, sha256).getBytes(StandardCharsets.UTF_8));
        files.put(htmlFile, ReportHtml.render(content, sha256, signers, ReportJson.rollbackTarget(content)).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeAll(files);
        // An earlier report with a baseline left its records here; this report.json does not bind them.
        if (baselineCases == null) java.nio.file.Files.deleteIfExists(dir.resolve(ReportJson.BASELINE_CASES_FILE));
        return new ReportFiles(jsonFile, mdFile, htmlFile, sha256);
    }
}
