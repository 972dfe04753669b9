package dev.evalbench.core.service;

import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.text.Slug;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A new workspace that runs as it is ({@code evalbench init}, the workbench's "New workspace…"): one prompt that
 * sorts feedback messages, eight cases, three safety probes, an output schema, a policy, six gates, an offline
 * keyword model as the default route (no key, no network; it gets one case wrong, so the results show a failure and
 * the gates still pass) and an OpenAI-compatible route for a real model, with a README, a {@code .gitignore} for the
 * history and the {@code .gitattributes} that keeps line ends as committed. The files are the jar's resources under
 * {@code dev/evalbench/starter/}. Stateless.
 */
public final class StarterWorkspace {
    /** The files written, relative to the workspace folder, in the order listed; resource names differ for two. */
    static final List<String> FILES = List.of("evalbench.yaml", "prompts/classify.yaml", "schemas/classify.schema.json",
            "datasets/feedback.jsonl", "datasets/probes.jsonl", "models/rules.yaml", "routes.yaml", "policy.yaml",
            "gates.yaml", "README.md", ".gitignore", ".gitattributes");
    private static final String NAME_MARK = "__NAME__";

    private StarterWorkspace() {}

    /** What was made: the workspace's name and its files, relative to {@code folder}. */
    public record Created(Path folder, String name, List<String> files) {}

    /**
     * Writes the starter into {@code folder} (made when missing), named {@code name}, or, when null, after the
     * folder ({@link #nameFor}). All or nothing: every file is written before any is moved into place, and a
     * failure removes the folders this call made.
     *
     * @throws RequestException ("workspace") when {@code folder} is a file, already holds a workspace or any of the
     *                          files, or is inside a workspace; ("name") when {@code name} is not a workspace name;
     *                          nothing is written
     * @throws IOException      when the disk refuses; nothing is left of this call
     */
    public static Created create(Path folder, String name) throws RequestException, IOException {
        String chosen = name == null ? nameFor(folder) : name;
        if (!chosen.matches("[a-z0-9][a-z0-9-]*")) {
            throw new RequestException("name", chosen, "a workspace name is lower-case letters, digits and '-', starting with"
                    + " a letter or digit, e.g. " + Slug.of(chosen, "evals"));
        }
        String shown = folder.toAbsolutePath().normalize().toString();
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new RequestException("workspace", folder.toString(), shown + " is a file, not a folder");
        }
        if (Files.isRegularFile(folder.resolve("evalbench.yaml"))) {
            throw new RequestException("workspace", folder.toString(), shown + " holds a workspace already (evalbench.yaml);"
                    + " init writes nothing over one");
        }
        // A workspace inside another: the outer one's files would hold the inner one's, and a command run in a folder
        // between them without --workspace finds the nearest evalbench.yaml upwards, as git finds its repository.
        for (Path up = folder.toAbsolutePath().normalize().getParent(); up != null; up = up.getParent()) {
            if (Files.isRegularFile(up.resolve("evalbench.yaml"))) {
                throw new RequestException("workspace", folder.toString(), shown + " is inside the workspace " + up
                        + "; make the new one beside it, not in it");
            }
        }
        List<String> there = FILES.stream().filter(f -> Files.exists(folder.resolve(f))).toList();
        if (!there.isEmpty()) {
            throw new RequestException("workspace", folder.toString(), shown + " holds " + String.join(", ", there)
                    + " already; init writes nothing over a file (choose an empty folder, or a new one)");
        }
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (String file : FILES) files.put(folder.resolve(file), content(file, chosen));
        List<Path> made = foldersMissing(folder);
        try {
            AtomicFiles.writeAll(files);
        } catch (IOException | RuntimeException e) {
            removeEmpty(made, e);
            throw e;
        }
        return new Created(folder, chosen, FILES);
    }

    /** A workspace name after {@code folder}'s own ({@link Slug}: "My Evals" → "my-evals"); "evals" when nothing is left. */
    public static String nameFor(Path folder) {
        Path last = folder.toAbsolutePath().normalize().getFileName();
        return Slug.of(last == null ? null : last.toString(), "evals");
    }

    private static byte[] content(String file, String name) {
        String resource = "/dev/evalbench/starter/" + (file.startsWith(".") ? file.substring(1) : file);
        try (InputStream in = StarterWorkspace.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the jar has no " + resource);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace(NAME_MARK, name).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The folders a write of the starter would make, the deepest last: {@code folder} and its parents if missing,
     * then its subfolders.
     */
    private static List<Path> foldersMissing(Path folder) {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) missing.add(0, p);
        for (String file : FILES) {
            Path dir = folder.resolve(file).toAbsolutePath().normalize().getParent();
            if (!Files.exists(dir) && !missing.contains(dir)) missing.add(dir);
        }
        return missing;
    }

    private static void removeEmpty(List<Path> made, Exception failure) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(made.get(i));
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
        }
    }
}
