package dev.evalbench.app.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalbench.core.io.AtomicFiles;
import dev.evalbench.core.json.Digests;
import dev.evalbench.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a reviewer's "reviewed" marks outlive the comparison tab and the app: one small JSON file per pair of
 * runs in {@code <config folder>/reviews/}, named by the SHA-256 of the two run ids (first run, then second),
 * holding the reviewed cases' alignment keys. Run ids travel with a run (an export or a report keeps its id), so
 * the marks made on two runs of the history are there again when the same runs are opened from CI's files.
 * Kept in the user's config folder, not in the workspace's history: a run opened from a file has no history,
 * the history is shared by whoever runs the workspace, and marks are one reviewer's.
 *
 * <p>Blocking (file system): task bodies only. Writes are atomic ({@link AtomicFiles}: a crash leaves the old
 * file or the new one, never half of one), and a write older than one already made for the same pair is
 * dropped, so saves finishing out of order never bring back stale marks. Thread-safe.
 */
public final class ReviewMarksFile {
    static final String FORMAT = "evalbench-review-marks/1";
    private final Path folder;
    private final Map<Path, Long> written = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicLong versions = new java.util.concurrent.atomic.AtomicLong();

    /** @param configFolder the user's config folder ({@code SettingsFile.configFolder}); marks go in its reviews/ */
    public ReviewMarksFile(Path configFolder) {
        this.folder = configFolder.resolve("reviews");
    }

    /** The marks of one pair of runs, by their ids; a "~2" a second opened copy of a run got is not part of it. */
    public Pair pair(String firstRunId, String secondRunId) {
        return new Pair(plain(firstRunId), plain(secondRunId));
    }

    /** One pair's file. */
    public final class Pair {
        private final String first;
        private final String second;
        private final Path file;

        private Pair(String first, String second) {
            this.first = first;
            this.second = second;
            this.file = folder.resolve(Digests.sha256(first + "\n" + second).substring(0, 32) + ".json");
        }

        /**
         * The reviewed keys, empty when none were kept. A file that is not ours or not readable JSON counts as no
         * marks (it is replaced at the next mark) rather than stopping the review.
         *
         * @throws IOException when the file exists but cannot be read
         */
        public Set<String> read() throws IOException {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException none) {
                return Set.of();
            }
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(bytes);
            } catch (IOException notJson) {
                return Set.of();
            }
            if (root == null || !FORMAT.equals(root.path("format").asText())
                    || !first.equals(root.path("first_run").asText()) || !second.equals(root.path("second_run").asText())) {
                return Set.of();
            }
            Set<String> keys = new LinkedHashSet<>();
            root.path("reviewed").forEach(k -> keys.add(k.asText()));
            return keys;
        }

        /** The version of a change made now: taken in the order changes are made (the UI thread's). */
        public long nextVersion() {
            return versions.incrementAndGet();
        }

        /**
         * Replaces the file with {@code keys}, unless a newer {@code version} was already written.
         *
         * @param version from {@link #nextVersion} when the change was made
         */
        public void write(long version, Set<String> keys) throws IOException {
            synchronized (written) {
                if (written.getOrDefault(file, Long.MIN_VALUE) >= version) return;
                ObjectNode root = Json.MAPPER.createObjectNode().put("format", FORMAT).put("first_run", first).put("second_run", second);
                new TreeSet<>(keys).forEach(root.putArray("reviewed")::add);
                AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                written.put(file, version);
            }
        }

        Path file() {
            return file;
        }
    }

    private static String plain(String runId) {
        return runId.replaceFirst("~\\d+$", "");
    }
}
