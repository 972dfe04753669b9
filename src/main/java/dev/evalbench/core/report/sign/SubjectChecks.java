package dev.evalbench.core.report.sign;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.Set;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the files a statement names with their signed digests. {@code report.json} is looked for at the
 * given report path only, {@code report.md} where the caller says (the report's folder); every other subject under the
 * workspace folder. A file that cannot be found is
 * "not checked" and a problem too, unless the caller allowed that subject to be absent (verification never
 * calls valid what it did not check); a file whose digest differs is a problem. Used by {@link ReportVerifier}; not thread-safe
 * (collects into its own lists), one instance per verification.
 */
final class SubjectChecks {
    private static final int SHOWN_HEX_DIGITS = 12;
    private static final String KEEP_LF = "the line \"* text=auto eol=lf\" in the workspace's .gitattributes"
            + " checks its files out as they are committed on every machine";

    final List<String> problems = new ArrayList<>();
    final List<String> checked = new ArrayList<>();
    final List<String> unchecked = new ArrayList<>();
    final List<SubjectOutcome> outcomes = new ArrayList<>();
    /** Checked subjects whose file has Windows line ends and matches as the workspace reads it. */
    final List<String> matchedWithLf = new ArrayList<>();

    /**
     * @param reportMd       where report.md is (beside report.json, or the envelope when report.json is gone); empty
     *                       when it is not to be checked
     * @param allowedMissing subject names or globs that may be absent; every other absent subject is a problem
     * @throws SigningInputException if a file exists but cannot be read
     */
    void run(InTotoStatement statement, Optional<Path> reportJson, Optional<Path> reportMd, Optional<Path> workspaceDir,
             Set<String> allowedMissing) throws SigningInputException {
        List<PathMatcher> allowed = allowedMissing.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        if (reportJson.isPresent() && statement.subject(StatementSubject.REPORT_NAME) == null) {
            problems.add(StatementSubject.REPORT_NAME + ": the statement has no subject of that name, "
                    + "so the report file is not covered by the signature");
        }
        for (StatementSubject subject : statement.subjects()) {
            Optional<Path> file = StatementSubject.REPORT_NAME.equals(subject.name()) ? reportJson
                    : StatementSubject.MARKDOWN_NAME.equals(subject.name())
                            ? reportMd
                    : workspaceDir.map(dir -> insideWorkspace(dir, subject.name()));
            if (file.isEmpty() || !Files.isRegularFile(file.get())) {
                unchecked.add(subject.name());
                String why = subject.name() + ": " + absence(subject.name(), file, reportJson, workspaceDir);
                outcomes.add(new SubjectOutcome(subject.name(), SubjectOutcome.Status.NOT_CHECKED, why));
                if (allowed.stream().noneMatch(m -> m.matches(Path.of(subject.name())))) {
                    problems.add(why + " (a signed subject that is not checked makes the report invalid; --allow-missing "
                            + subject.name() + " accepts its absence)");
                }
            } else {
                compare(subject, file.get());
            }
        }
    }

    private static String absence(String name, Optional<Path> file, Optional<Path> reportJson, Optional<Path> workspaceDir) {
        if (file.isPresent()) {
            return "not found at " + file.get();
        }
        return StatementSubject.ofTheReportFolder(name)
                ? "no report file given and none found beside the envelope"
                : SubjectOutcome.NO_WORKSPACE_GIVEN;
    }

    private void compare(StatementSubject subject, Path file) throws SigningInputException {
        String found;
        try {
            found = FileDigests.sha256(file);
        } catch (IOException e) {
            throw new SigningInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (found.equals(subject.sha256())) {
            checked.add(subject.name());
            outcomes.add(new SubjectOutcome(subject.name(), SubjectOutcome.Status.MATCHES,
                    subject.name() + ": sha256 matches the signed subject"));
            return;
        }
        // Differs byte for byte: the file is read once more, whole, to learn whether only its line ends do.
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SigningInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        // A workspace file as the workspace is read (DiskWorkspaceFiles: each \r\n as \n, the digest a run records):
        // a checkout with Windows line ends of the files signed.
        if (!StatementSubject.ofTheReportFolder(subject.name())
                && LineEndDigests.asTheWorkspaceReadsIt(bytes).filter(subject.sha256()::equals).isPresent()) {
            checked.add(subject.name());
            matchedWithLf.add(subject.name());
            outcomes.add(new SubjectOutcome(subject.name(), SubjectOutcome.Status.MATCHES, subject.name()
                    + ": sha256 matches the signed subject with its Windows line ends (\\r\\n) read as \\n, as Evalbench"
                    + " reads a workspace"));
            return;
        }
        String problem = subject.name() + ": sha256 differs from the signed subject (expected "
                + shortHex(subject.sha256()) + ", found " + shortHex(found) + ")" + lineEndsHint(subject, bytes);
        problems.add(problem);
        outcomes.add(new SubjectOutcome(subject.name(), SubjectOutcome.Status.DIFFERS, problem));
    }

    /**
     * Why a differing file differs, when only its line ends do: a report signed by an Evalbench that digested a
     * Windows checkout's bytes as they were. The file still differs (the signature covers those bytes), but the
     * reader learns why, and how to keep every checkout alike.
     */
    private static String lineEndsHint(StatementSubject subject, byte[] bytes) {
        return LineEndDigests.withWindowsLineEnds(bytes).filter(subject.sha256()::equals).isEmpty() ? ""
                : "; it matches with its line ends read as Windows line ends (\\r\\n): the report was signed from a"
                        + " checkout with git's core.autocrlf, and " + KEEP_LF;
    }

    /**
     * What a reader checking by hand needs to know of the files that matched with their line ends read as
     * {@code \n}: {@code sha256sum} of them differs. Empty when there are none.
     */
    Optional<String> lineEndsNote() {
        if (matchedWithLf.isEmpty()) return Optional.empty();
        return Optional.of(String.join(", ", matchedWithLf) + (matchedWithLf.size() == 1 ? " has" : " have")
                + " Windows line ends (\\r\\n) here and matched as Evalbench reads a workspace, each \\r\\n as \\n;"
                + " sha256sum of the file as it is differs (sed 's/\\r$//' FILE | sha256sum gives the signed digest)");
    }

    /** A file report.json binds ({@link BoundFiles}), found: its SHA-256 against the bound one. */
    void compareBound(String name, String boundSha256, Path file) throws SigningInputException {
        String found;
        try {
            found = FileDigests.sha256(file);
        } catch (IOException e) {
            throw new SigningInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (found.equals(boundSha256)) {
            checked.add(name);
            outcomes.add(new SubjectOutcome(name, SubjectOutcome.Status.MATCHES,
                    name + ": sha256 matches the one the signed report.json binds"));
        } else {
            differs(name, name + ": sha256 differs from the one the signed report.json binds (expected "
                    + (boundSha256.length() >= SHOWN_HEX_DIGITS ? shortHex(boundSha256) : "\"" + boundSha256 + "\"")
                    + ", found " + shortHex(found) + "): the records were changed or replaced");
        }
    }

    /** A bound file that is wrong: a problem, listed as differing. */
    void differs(String name, String problem) {
        problems.add(problem);
        outcomes.add(new SubjectOutcome(name, SubjectOutcome.Status.DIFFERS, problem));
    }

    /** A bound file that is absent: listed as not checked, and no problem (report.json reads without it). */
    void notFound(String name, String why) {
        unchecked.add(name);
        outcomes.add(new SubjectOutcome(name, SubjectOutcome.Status.NOT_CHECKED, why));
    }

    private static Path insideWorkspace(Path dir, String name) {
        Path root = dir.toAbsolutePath().normalize();
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) {
            // StatementSubject already refuses such names; this guards the invariant, not user input
            throw new IllegalStateException("subject '" + name + "' resolves outside the workspace");
        }
        return file;
    }

    private static String shortHex(String hex) {
        return hex.substring(0, SHOWN_HEX_DIGITS) + "…";
    }
}
