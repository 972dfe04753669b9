package dev.evalbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When {@code java -jar evalbench.jar CMD} runs the command in a child JVM, and with what command line. */
class CommandJvmTest {
    private static final String[] ARGS = {"run", "--workspace", "ws", "--quiet"};

    @Test
    void aPlainJavaDashJarRunsTheCommandInAChildWithThePackagedOptions() {
        List<String> child = CommandJvm.childCommand(List.of("-jar", "/opt/evalbench.jar", "run", "--workspace", "ws", "--quiet"),
                "/usr/lib/jvm/bin/java", Map.of("PATH", "/bin"), "Linux", 4242, false, ARGS).orElseThrow();
        assertThat(child).containsExactly("/usr/lib/jvm/bin/java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Devalbench.parent=4242", "-jar", "/opt/evalbench.jar", "run", "--workspace", "ws", "--quiet");
    }

    @Test
    void theUsersOwnJvmOptionsKeepTheCommandInTheJvmAsStarted() {
        assertThat(CommandJvm.childCommand(List.of("-Xmx2g", "-jar", "e.jar", "run"), "java", Map.of(), "Linux", 1, false, ARGS))
                .as("an option before -jar").isEmpty();
        assertThat(CommandJvm.childCommand(List.of("@opts", "-jar", "e.jar", "run"), "java", Map.of(), "Linux", 1, false, ARGS))
                .as("an argument file").isEmpty();
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            assertThat(CommandJvm.childCommand(List.of("-jar", "e.jar", "run"), "java", Map.of(variable, "-Xmx1g"), "Linux", 1,
                    false, ARGS)).as(variable).isEmpty();
        }
        assertThat(CommandJvm.childCommand(List.of("-jar", "e.jar", "run"), "java", Map.of("JDK_JAVA_OPTIONS", " "), "Linux", 1,
                false, ARGS)).as("a blank variable is no option").isPresent();
    }

    @Test
    void neverFromAChildNorOnWindowsNorFromAClassPathStart() {
        assertThat(CommandJvm.childCommand(List.of("-jar", "e.jar", "run"), "java", Map.of(), "Linux", 1, true, ARGS)).isEmpty();
        assertThat(CommandJvm.childCommand(List.of("-jar", "e.jar", "run"), "java", Map.of(), "Windows 11", 1, false, ARGS)).isEmpty();
        assertThat(CommandJvm.childCommand(List.of("-cp", "e.jar", "dev.evalbench.Launcher", "run"), "java", Map.of(), "Linux", 1,
                false, ARGS)).isEmpty();
        assertThat(CommandJvm.childCommand(List.of("run"), "evalbench", Map.of(), "Linux", 1, false, ARGS))
                .as("the packaged image's launcher: its JVM options are set already").isEmpty();
    }
}
