package dev.evalbench.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Unsaved edits kept when the workbench stopped without anyone to ask about them (SIGTERM as a desktop session
 * logs out, Ctrl-C in the terminal that started it): one file per template under the user's config folder
 * ({@code recovery/}, never the workspace, which is a git work tree), named by a digest of the template's path
 * and holding that path, when they were kept and the text. The editor offers them the next time it opens that
 * template. A dataset's are the one case open to edit in its tab ({@link #keepCase}): its text, and where it goes.
 * Blocking file work: never on the FX thread. Stateless; thread-safe as the file system is.
 */
public final class KeptEdits {
    /**
     * Edits kept for a template: its text as it was in the editor, when, and the SHA-256 of the file the edits were
     * made to (null in a file kept without it), so that the editor can say when the file has changed since. For a
     * dataset's case, {@code caseAt} says which (null for a whole file's edits), and the SHA-256 is of its line as read
     * (null for a new case).
     */
    public record Kept(String text, Instant keptAt, String baseSha256, CaseAt caseAt) {
        /** Whether the file now holding {@code current} is not the one these edits were made to. */
        public boolean madeToAnotherVersion(String current) {
            return baseSha256 != null && !baseSha256.equals(Digests.sha256(current));
        }

        /** When they were kept, in this machine's time zone, as an offer says it: "2026-12-08 01:10". */
        public String stoppedAt() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(keptAt.atZone(java.time.ZoneId.systemDefault()));
        }
    }

    /**
     * Which case of a dataset was kept: the line it was read from (0: a new case, after the last line) and the id that
     * line held (null for a new case, or a line that was no case), to find it again if lines moved since.
     */
    public record CaseAt(int line, String id) {}

    private final Path folder;

    /** @param configFolder the user's config folder; the edits go to its {@code recovery/} */
    public KeptEdits(Path configFolder) {
        this.folder = configFolder.resolve("recovery");
    }

    /**
     * Keeps {@code text} as the unsaved edits of {@code template} (absolute), made to the file's text {@code base},
     * replacing any kept before.
     */
    public void keep(Path template, String text, String base, Instant now) throws IOException {
        write(template, Json.MAPPER.createObjectNode().put("file", template.toString()).put("kept_at", now.toString())
                .put("base_sha256", Digests.sha256(base)).put("text", text));
    }

    /**
     * Keeps {@code text} as the unsaved edit of one case of {@code dataset} (absolute), read from {@code line}'s text
     * {@code lineRead} (null for a new case), replacing any kept before for that dataset.
     */
    public void keepCase(Path dataset, CaseAt at, String text, String lineRead, Instant now) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode().put("file", dataset.toString()).put("kept_at", now.toString());
        if (lineRead != null) node.put("base_sha256", Digests.sha256(lineRead));
        ObjectNode c = node.putObject("case").put("line", at.line());
        if (at.id() != null) c.put("id", at.id());
        write(dataset, node.put("text", text));
    }

    private void write(Path file, ObjectNode node) throws IOException {
        // What was typed may hold a case's restricted values or a prompt's draft: outside the workspace, only the user
        // may list or read it (the files inside are rw-r--r--, as AtomicFiles writes a new file, but cannot be reached).
        Files.createDirectories(folder);
        if (Files.getFileStore(folder).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        AtomicFiles.write(fileOf(file), Json.MAPPER.writeValueAsBytes(node));
    }

    /**
     * The edits kept for {@code template}; empty when none were, or when the file is unreadable or was kept for
     * another path (a digest collision, or a file edited by hand): nothing is offered rather than the wrong text.
     */
    public Optional<Kept> find(Path template) {
        Path file = fileOf(template);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!template.toString().equals(node.path("file").asText()) || !node.path("text").isTextual()) {
                return Optional.empty();
            }
            String base = node.path("base_sha256").isTextual() ? node.get("base_sha256").asText() : null;
            JsonNode c = node.path("case");
            CaseAt at = c.isObject() ? new CaseAt(c.path("line").asInt(), c.path("id").isTextual() ? c.get("id").asText() : null)
                    : null;
            return Optional.of(new Kept(node.get("text").asText(), Instant.parse(node.path("kept_at").asText()), base, at));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The files under {@code folder} (a workspace) whose kept edits their editors will offer, absolute, in no particular
     * order: the window opens them, so their offers show though their tabs were not remembered (a crash saves no
     * layout). Left out: unreadable kept files, files gone, and a whole file's edits that are what it holds now (its
     * editor forgets those rather than offer them).
     */
    public java.util.List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(this.folder)) return java.util.List.of();
        Path under = folder.toAbsolutePath().normalize();
        java.util.List<Path> found = new java.util.ArrayList<>();
        try (var kept = Files.list(this.folder)) {
            for (Path file : kept.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    JsonNode node = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                    String named = node.path("file").asText("");
                    Path path = named.isEmpty() ? null : Path.of(named).normalize();
                    if (path == null || !path.startsWith(under) || !Files.isRegularFile(path)) continue;
                    boolean wholeFile = !node.path("case").isObject();
                    if (wholeFile && node.path("text").asText("").equals(
                            dev.evalbench.core.text.LineEnds.toLf(dev.evalbench.core.text.Utf8Files.read(path)))) continue;
                    found.add(path);
                } catch (IOException | RuntimeException unreadable) {
                    // Offered by nobody: find() refuses it as well.
                }
            }
        }
        return found;
    }

    /** Forgets the edits kept for {@code template} (restored into the editor, or discarded); none kept is fine. */
    public void forget(Path template) throws IOException {
        Files.deleteIfExists(fileOf(template));
    }

    private Path fileOf(Path template) {
        return folder.resolve(Digests.sha256(template.toString()).substring(0, 24) + ".json");
    }
}
