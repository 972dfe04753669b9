package dev.evalbench.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** The fixture workspace (src/test/resources/fixtures/minimal-workspace), copied into a test's folder to break. */
final class FixtureWorkspace {
    private FixtureWorkspace() {}

    static Path source() {
        try {
            return Path.of(FixtureWorkspace.class.getResource("/fixtures/minimal-workspace").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path copyTo(Path target) {
        Path source = source();
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(p -> {
                Path to = target.resolve(source.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static void write(Path root, String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces text that must be in the file, so a fixture change cannot silently make a test vacuous. */
    static void replace(Path root, String relative, String from, String to) {
        try {
            Path file = root.resolve(relative);
            String text = Files.readString(file);
            assertThat(text).as("fixture %s", relative).contains(from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WorkspaceException loadFailure(Path root) {
        return loadFailure(root, Map.of());
    }

    static WorkspaceException loadFailure(Path root, Map<String, String> env) {
        WorkspaceException e = catchThrowableOfType(WorkspaceException.class,
                () -> WorkspaceLoader.load(new DiskWorkspaceFiles(root), env));
        assertThat(e).as("loading should fail").isNotNull();
        return e;
    }
}
