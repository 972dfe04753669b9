package dev.evalbench.core.report.sign;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a report.json binds by digest rather than embeds: its run's records ({@code run_cases}) and, for a
 * report written against a baseline, the baseline's ({@code baseline_cases}); each member names a file beside
 * report.json and its SHA-256. They are not subjects of the statement: the signature covers them through
 * report.json. Checked only once report.json itself matched its signed subject (a binding in an altered
 * report.json proves nothing). A bound file that is there and differs is a problem; one that is absent is
 * "not checked" and no problem (report.json reads without it; opening the records needs it, and says so).
 * The member names are report.json's ({@code core.report.ReportJson}), written out here: that package signs with
 * this one, so this one may not depend on it. Used by {@link ReportVerifier}; stateless.
 */
final class BoundFiles {
    /** The report.json members that bind a file, in the order they are listed. */
    static final List<String> MEMBERS = List.of("run_cases", "baseline_cases");

    private BoundFiles() {}

    /**
     * Adds one outcome per bound file of {@code reportJson} to {@code checks}.
     *
     * @throws SigningInputException when report.json or a bound file that exists cannot be read
     */
    static void check(Path reportJson, SubjectChecks checks) throws SigningInputException {
        JsonNode root;
        try {
            root = StrictJson.parse(Files.readAllBytes(reportJson));
        } catch (IOException e) {
            // report.json matched its signed digest, so it is the JSON that was signed; unreadable now means I/O.
            throw new SigningInputException(reportJson + ": cannot be read (" + e.getMessage() + ")", e);
        }
        for (String member : MEMBERS) {
            JsonNode binding = root == null ? null : root.get(member);
            if (binding == null || !binding.isObject()) continue;
            String name = binding.path("file").asText("");
            String sha256 = binding.path("sha256").asText("");
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                checks.differs(member, member + ": names no plain file beside report.json (\"" + name + "\")");
                continue;
            }
            Path parent = reportJson.toAbsolutePath().getParent();
            Path file = parent == null ? Path.of(name) : parent.resolve(name);
            if (!Files.isRegularFile(file)) {
                checks.notFound(name, name + ": not checked: not found beside report.json, which binds it (" + member
                        + "); opening the records needs it");
                continue;
            }
            checks.compareBound(name, sha256, file);
        }
    }
}
