package dev.evalbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evalbench DIR} opens DIR, as {@code code DIR} does: it said "Unmatched argument at index 0 … Did you mean:
 * evalbench compare?". A verb still wins over a folder of its name, and a path that is not there stays the command
 * line's to answer.
 */
class OpenWithoutTheWordTest {
    @TempDir Path temp;

    @Test
    void aFolderOrFileNamedAloneIsOpened() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("not-a-workspace"));
        Path run = Files.writeString(temp.resolve("run.json"), "{}");

        assertThat(Launcher.withOpenWhenNamingPaths(new String[] {folder.toString()}))
                .containsExactly("open", folder.toString());
        assertThat(Launcher.withOpenWhenNamingPaths(new String[] {run.toString(), run.toString()}))
                .containsExactly("open", run.toString(), run.toString());
        for (String[] left : List.of(new String[] {"run", folder.toString()}, new String[] {folder.toString(), "--json"},
                new String[] {temp.resolve("gone").toString()}, new String[0], new String[] {"open", folder.toString()})) {
            assertThat(Launcher.withOpenWhenNamingPaths(left)).isSameAs(left);
        }
    }

    /** The real launcher in its own process, with no display: the folder reaches the window's checks, not picocli. */
    @Test
    void theLauncherOpensAFolderNamedAloneAndRunsAVerbNamedLikeAFolder() throws Exception {
        Files.createDirectories(temp.resolve("empty"));
        Files.createDirectories(temp.resolve("history"));

        Result opened = launch("empty");
        assertThat(opened.exit()).isEqualTo(2);
        assertThat(opened.out().strip()).isEqualTo("evalbench open: empty: neither a workspace (no evalbench.yaml) nor a"
                + " report folder (no report.json)");

        Result history = launch("history");
        assertThat(history.out()).doesNotContain("evalbench open").startsWith("error: no workspace in ");
    }

    private record Result(int exit, String out) {}

    private Result launch(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().put("HOME", temp.toString());
        Process child = builder.start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(child.waitFor(), out);
    }
}
