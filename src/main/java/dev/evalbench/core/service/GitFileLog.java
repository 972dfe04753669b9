package dev.evalbench.core.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The committed texts of one file, read with the {@code git} command (no library needed for two read-only
 * calls). Outside a repository, or where git is missing, the log is empty: git history is a bonus, never a
 * requirement. Blocks on a process: call off the UI thread. Thread-safe.
 */
final class GitFileLog {
    /** One commit that touched the file, and the file's bytes in it (empty when it was deleted there). */
    record Commit(String hash, Instant when, String subject, Optional<byte[]> content) {}

    private static final long TIMEOUT_SECONDS = 10;

    private GitFileLog() {}

    /** Newest first, at most {@code limit} commits. */
    static List<Commit> of(Path dir, String file, int limit) {
        Optional<byte[]> log = git(dir, "log", "-n", Integer.toString(limit), "--format=%H%x1f%aI%x1f%s", "--", file);
        if (log.isEmpty()) return List.of();
        List<Commit> commits = new ArrayList<>();
        for (String line : new String(log.get(), StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split("\u001f", 3);
            if (fields.length < 3) continue;
            commits.add(new Commit(fields[0], Instant.parse(isoInstant(fields[1])), fields[2],
                    git(dir, "show", fields[0] + ":./" + file)));
        }
        return commits;
    }

    /** {@code %aI} prints an offset ("2026-11-29T10:41:00+01:00"); Instant wants it resolved. */
    private static String isoInstant(String iso) {
        return java.time.OffsetDateTime.parse(iso).toInstant().toString();
    }

    private static Optional<byte[]> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = readAll(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
