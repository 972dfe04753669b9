package dev.evalbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's opener is run for real (a script stands in for xdg-open) and its failure is said, not swallowed. */
class DesktopOpenerTest {
    @TempDir Path dir;

    private Path script(String body) throws Exception {
        Path s = dir.resolve("opener");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        s.toFile().setExecutable(true);
        return s;
    }

    @Test
    void theOpenerGetsTheUri() throws Exception {
        Path got = dir.resolve("got");
        new DesktopOpener(List.of(script("printf '%s' \"$1\" > '" + got + "'").toString()), uri -> { }).accept("file:///tmp/report.html");
        assertThat(Files.readString(got)).isEqualTo("file:///tmp/report.html");
    }

    @Test
    void anOpenerThatFailsIsReportedWithItsLastWords() throws Exception {
        Path failing = script("echo 'gio: file:///tmp/r.html: No application is registered as handling this file' >&2; exit 4");
        assertThatThrownBy(() -> new DesktopOpener(List.of(failing.toString()), uri -> { }).accept("file:///tmp/r.html"))
                .hasMessage("%s failed (exit 4): gio: file:///tmp/r.html: No application is registered as handling this file", failing);
    }

    @Test
    void anOpenerThatIsNotInstalledIsReported() {
        assertThatThrownBy(() -> new DesktopOpener(List.of(dir.resolve("no-such-opener").toString()), uri -> { }).accept("file:///x"))
                .hasMessageStartingWith(dir.resolve("no-such-opener") + " could not be started");
    }

    @Test
    void withoutACommandTheFallbackOpensIt() {
        List<String> opened = new ArrayList<>();
        new DesktopOpener(List.of(), opened::add).accept("file:///tmp/report.html");
        assertThat(opened).containsExactly("file:///tmp/report.html");
    }
}
