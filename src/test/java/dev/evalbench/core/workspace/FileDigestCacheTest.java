package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.json.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large file's digest kept by its file-system stamp: believed for the very bytes while the stamp holds, never
 * for a file written since, whatever the write restored; a file too fresh, too small or a folder that cannot be
 * written keeps nothing; a run's load keeps but does not believe. Real files; the cache's clock is an hour ahead
 * where a test needs a file it just wrote to count as settled.
 */
class FileDigestCacheTest {
    @TempDir Path dir;

    private final Clock anHourOn = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

    @Test
    void aSettledLargeFilesDigestIsKeptAndBelievedWhileItsStampHolds() throws IOException {
        Path file = large("a.jsonl", 'a');
        Path folder = dir.resolve("cache");

        WorkspaceFiles.DigestedBytes first = new FileDigestCache(folder, true, anHourOn).read(file);
        WorkspaceFiles.DigestedBytes again = new FileDigestCache(folder, true, anHourOn).read(file);

        assertThat(first.sha256()).isEqualTo(Digests.sha256(Files.readAllBytes(file)));
        assertThat(again.sha256()).isEqualTo(first.sha256());
        assertThat(again.bytes()).isEqualTo(Files.readAllBytes(file));
        Path entry = onlyEntry(folder);
        assertThat(Files.readString(entry)).endsWith("\n" + file.toAbsolutePath());
        // What is believed is the entry: another digest written into it is what the next read gives.
        String other = "0".repeat(64);
        Files.writeString(entry, Files.readString(entry).replace(first.sha256(), other));
        assertThat(new FileDigestCache(folder, true, anHourOn).read(file).sha256()).isEqualTo(other);
    }

    @Test
    void aFileWrittenSinceItsDigestWasKeptIsHashedAgainThoughItsSizeAndTimeAreRestored() throws Exception {
        Path file = large("a.jsonl", 'a');
        Path folder = dir.resolve("cache");
        String before = new FileDigestCache(folder, true, anHourOn).read(file).sha256();

        rewriteKeepingSizeAndTime(file, 'b');

        String after = new FileDigestCache(folder, true, anHourOn).read(file).sha256();
        assertThat(after).isEqualTo(Digests.sha256(Files.readAllBytes(file))).isNotEqualTo(before);
    }

    @Test
    void aFileReplacedByAnotherOfTheSameSizeAndTimeIsHashedAgain() throws Exception {
        Path file = large("a.jsonl", 'a');
        Path folder = dir.resolve("cache");
        new FileDigestCache(folder, true, anHourOn).read(file);
        Path other = large("b.jsonl", 'b');
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(file));

        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(new FileDigestCache(folder, true, anHourOn).read(file).sha256())
                .isEqualTo(Digests.sha256(Files.readAllBytes(file)));
    }

    /** A file changed within {@link FileDigestCache#SETTLED} of the read could change again unseen in one clock tick. */
    @Test
    void aFileChangedMomentsAgoIsHashedButNotKept() throws IOException {
        Path file = large("a.jsonl", 'a');
        Path folder = dir.resolve("cache");

        String sha = FileDigestCache.in(folder).read(file).sha256();

        assertThat(sha).isEqualTo(Digests.sha256(Files.readAllBytes(file)));
        assertThat(folder).doesNotExist();
    }

    @Test
    void aSmallFileIsHashedEveryTimeAndAFolderThatCannotBeWrittenKeepsNothing() throws IOException {
        Path small = dir.resolve("small.yaml");
        Files.writeString(small, "gates: []\n");
        Path folder = dir.resolve("cache");
        assertThat(new FileDigestCache(folder, true, anHourOn).read(small).sha256()).isEqualTo(Digests.sha256("gates: []\n"));
        assertThat(folder).doesNotExist();

        Path notAFolder = Files.writeString(dir.resolve("file-not-folder"), "x");
        Path file = large("a.jsonl", 'a');
        for (int i = 0; i < 2; i++) {
            assertThat(new FileDigestCache(notAFolder, true, anHourOn).read(file).sha256())
                    .isEqualTo(Digests.sha256(Files.readAllBytes(file)));
        }
        assertThat(Files.readString(notAFolder)).isEqualTo("x");
    }

    /** An entry someone else could have written is not believed: the folder must be its owner's alone. */
    @Test
    void entriesInAFolderOthersMayWriteAreNotBelieved() throws IOException {
        Path file = large("a.jsonl", 'a');
        Path folder = dir.resolve("cache");
        String sha = new FileDigestCache(folder, true, anHourOn).read(file).sha256();
        assertThat(java.nio.file.Files.getPosixFilePermissions(folder))
                .containsExactlyInAnyOrderElementsOf(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path entry = onlyEntry(folder);
        Files.writeString(entry, Files.readString(entry).replace(sha, "0".repeat(64)));

        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(new FileDigestCache(folder, true, anHourOn).read(file).sha256()).isEqualTo(sha);
    }

    /** A run records the digests of its inputs: hashed from the bytes it read, never taken from an entry. */
    @Test
    void aLoadThatRemembersOnlyKeepsDigestsButHashesEveryRead() throws IOException {
        Path file = large("a.jsonl", 'a');
        Path folder = dir.resolve("cache");
        FileDigestCache remembering = new FileDigestCache(folder, true, anHourOn).rememberingOnly();
        String sha = remembering.read(file).sha256();
        Path entry = onlyEntry(folder);
        Files.writeString(entry, Files.readString(entry).replace(sha, "0".repeat(64)));

        assertThat(remembering.read(file).sha256()).isEqualTo(sha);
    }

    /**
     * The guarantee the cache must not weaken: gating a stored run from a folder whose dataset was written since
     * the run, with its size and modification time as they were, checks the dataset in full and finds its error.
     */
    @Test
    void aDatasetWrittenSinceItsRunIsCheckedInFullWhenTheRunIsRead() throws Exception {
        Path root = FixtureWorkspace.copyTo(dir.resolve("ws"));
        Path dataset = root.resolve("datasets/tickets.jsonl");
        Files.writeString(dataset, " ".repeat((int) FileDigestCache.SMALLEST) + "\n", java.nio.file.StandardOpenOption.APPEND);
        FileDigestCache cache = new FileDigestCache(dir.resolve("cache"), true, anHourOn);
        Map<String, String> asRun = WorkspaceLoader.load(new DiskWorkspaceFiles(root, cache.rememberingOnly()), Map.of()).inputDigests();
        Workspace unchanged = WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root, cache), Map.of(), asRun);
        assertThat(unchanged.inputDigests()).isEqualTo(asRun);

        FileTime modified = Files.getLastModifiedTime(dataset);
        Thread.sleep(20); // into a later step of the file system's clock, as any later edit is
        FixtureWorkspace.replace(root, "datasets/tickets.jsonl", "{\"id\": \"t001\"", "[\"id\", \"t001\"");
        Files.setLastModifiedTime(dataset, modified);

        WorkspaceException failure = catchThrowableOfType(
                () -> WorkspaceLoader.loadForReading(new DiskWorkspaceFiles(root, cache), Map.of(), asRun), WorkspaceException.class);
        assertThat(failure).isNotNull();
        assertThat(failure.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("datasets/tickets.jsonl");
            assertThat(e.line()).isEqualTo(1);
        });
    }

    /** A file of a little over {@link FileDigestCache#SMALLEST} bytes of {@code fill}. */
    /**
     * A large file with Windows line ends is read, hashed and kept as the workspace reads it, each {@code \r\n} as
     * {@code \n}: the digest is the committed file's, whether hashed or believed, and the bytes handed out are too.
     */
    @Test
    void aLargeFileWithWindowsLineEndsIsHashedAndKeptWithItsLinesEndingInNewlines() throws IOException {
        String line = "{\"id\":\"t\",\"vars\":{\"ticket\":\"a\\r\\nb\"}}";
        int lines = (int) FileDigestCache.SMALLEST / line.length() + 10;
        String committed = (line + "\n").repeat(lines);
        Path file = Files.writeString(dir.resolve("tickets.jsonl"), committed.replace("\n", "\r\n"));
        Path folder = dir.resolve("cache");

        WorkspaceFiles.DigestedBytes hashed = new FileDigestCache(folder, true, anHourOn).read(file);
        WorkspaceFiles.DigestedBytes believed = new FileDigestCache(folder, true, anHourOn).read(file);

        String sha = Digests.sha256(committed);
        assertThat(hashed.sha256()).isEqualTo(sha);
        assertThat(believed.sha256()).isEqualTo(sha);
        assertThat(new String(believed.bytes(), StandardCharsets.UTF_8)).isEqualTo(committed);
        assertThat(new String(new DiskWorkspaceFiles(dir).read("tickets.jsonl"), StandardCharsets.UTF_8)).isEqualTo(committed);
    }

    private Path large(String name, char fill) throws IOException {
        return Files.writeString(dir.resolve(name), String.valueOf(fill).repeat((int) FileDigestCache.SMALLEST + 100));
    }

    /** Writes the file again in place, the same length, and sets its modification time back to what it was. */
    private static void rewriteKeepingSizeAndTime(Path file, char fill) throws Exception {
        FileTime modified = Files.getLastModifiedTime(file);
        FileStamp stamp = FileStamp.of(file);
        Thread.sleep(20); // into a later step of the file system's clock, as any later edit is
        byte[] bytes = Files.readAllBytes(file);
        java.util.Arrays.fill(bytes, (byte) fill);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, modified);
        assertThat(FileStamp.of(file)).isNotEqualTo(stamp).extracting(FileStamp::size, FileStamp::modifiedNanos)
                .containsExactly(stamp.size(), stamp.modifiedNanos());
    }

    private static Path onlyEntry(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                assertThat(list).hasSize(1);
                return list.get(0);
            }));
        }
    }
}
