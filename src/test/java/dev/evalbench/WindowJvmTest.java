package dev.evalbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The workbench's second JVM runs on the quick compiler, as the packaged image's window does, and keeps the JVM's
 * other defaults: its collector and heap are not a command's; huge pages where asked for, the archive's options and
 * the launcher's id are added.
 */
class WindowJvmTest {
    @Test
    void theWindowsJvmGetsTheQuickCompilerTheArchiveAndTheLaunchersIdButNoCommandHeap() {
        assertThat(WindowJvm.childCommand("/jdk/bin/java", Path.of("/opt/evalbench.jar"),
                List.of("-XX:SharedArchiveFile=w.window.jsa", "-Xlog:cds*=off"), 77, new String[] {"open", "ws"}))
                .containsExactlyElementsOf(java.util.stream.Stream.of(List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1",
                        "-XX:ReservedCodeCacheSize=128m"), CommandJvm.hugePages(CommandJvm.HUGE_PAGES),
                        List.of("-XX:SharedArchiveFile=w.window.jsa", "-Xlog:cds*=off", "-Devalbench.parent=77", "-jar",
                                "/opt/evalbench.jar", "open", "ws")).flatMap(List::stream).toList());
        assertThat(CommandJvm.hugePages(CommandJvm.HUGE_PAGES)).as("at most the heap's pages; no command option")
                .isSubsetOf("-XX:+UseTransparentHugePages");
        assertThat(WindowJvm.OPTIONS).as("the commands' collector and initial heap are not the window's (HeapCeiling manages it)")
                .doesNotContain("-XX:+UseSerialGC", "-Xms128m");
    }
}
