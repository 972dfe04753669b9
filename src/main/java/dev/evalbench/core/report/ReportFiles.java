package dev.evalbench.core.report;

import java.nio.file.Path;

/** Where {@link ReportWriter} put a report, and the SHA-256 of the report.json it wrote. */
public record ReportFiles(Path json, Path markdown, Path html, String jsonSha256) {}
