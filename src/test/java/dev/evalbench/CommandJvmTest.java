package dev.evalbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When {@code java -jar evalbench.jar CMD} runs the command in a child JVM, and with what command line. */
class CommandJvmTest {
    private static final List<String> PLAIN = List.of("-jar", "/opt/evalbench.jar", "run", "--workspace", "ws");

    @Test
    void aPlainJavaDashJarRunsTheCommandInAChildWithThePackagedOptions() {
        Path jar = CommandJvm.jarToRelaunch(PLAIN, Map.of("PATH", "/bin"), "Linux", false).orElseThrow();
        assertThat(jar).isEqualTo(Path.of("/opt/evalbench.jar"));
        assertThat(CommandJvm.childCommand("/usr/lib/jvm/bin/java", jar, List.of("-XX:SharedArchiveFile=a.jsa"), 4242,
                new String[] {"run", "--workspace", "ws"}))
                .containsExactlyElementsOf(concat(List.of("/usr/lib/jvm/bin/java"), CommandJvm.options(CommandJvm.HUGE_PAGES),
                        List.of("-XX:SharedArchiveFile=a.jsa", "-Devalbench.parent=4242", "-jar", "/opt/evalbench.jar", "run",
                                "--workspace", "ws")));
        assertThat(CommandJvm.options(CommandJvm.HUGE_PAGES)).startsWith("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms128m");
    }

    /** Huge pages for the heap only where the kernel gives them to a process that asks, and nothing asked elsewhere. */
    @Test
    void theHeapAsksForHugePagesWhereTheKernelGivesThemOnRequest(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path setting = dir.resolve("enabled");
        java.nio.file.Files.writeString(setting, "always [madvise] never\n");
        assertThat(CommandJvm.options(setting)).containsExactly("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms128m",
                "-XX:+UseTransparentHugePages");
        java.nio.file.Files.writeString(setting, "[always] madvise never\n");
        assertThat(CommandJvm.options(setting)).as("every heap has them already").doesNotContain("-XX:+UseTransparentHugePages");
        java.nio.file.Files.writeString(setting, "always madvise [never]\n");
        assertThat(CommandJvm.options(setting)).doesNotContain("-XX:+UseTransparentHugePages");
        assertThat(CommandJvm.options(dir.resolve("absent"))).as("not Linux").containsExactly("-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xms128m");
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    /**
     * A jar named relative to the folder the command starts in is passed on absolute: the class archive made by a run
     * from one folder recorded "target/evalbench.jar", and a command from another folder could not use it.
     */
    @Test
    void aJarNamedRelativeToTheFolderIsPassedOnAbsolute() {
        Path jar = CommandJvm.jarToRelaunch(List.of("-jar", "target/../target/evalbench.jar", "compare"), Map.of(), "Linux",
                false).orElseThrow();
        List<String> command = CommandJvm.childCommand("java", jar, List.of(), 1, new String[] {"compare"});
        assertThat(command.get(command.indexOf("-jar") + 1))
                .isEqualTo(Path.of("target/evalbench.jar").toAbsolutePath().toString());
    }

    @Test
    void theUsersOwnJvmOptionsKeepTheCommandInTheJvmAsStarted() {
        assertThat(CommandJvm.jarToRelaunch(List.of("-Xmx2g", "-jar", "e.jar", "run"), Map.of(), "Linux", false))
                .as("an option before -jar").isEmpty();
        assertThat(CommandJvm.jarToRelaunch(List.of("@opts", "-jar", "e.jar", "run"), Map.of(), "Linux", false))
                .as("an argument file").isEmpty();
        for (String variable : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            assertThat(CommandJvm.jarToRelaunch(PLAIN, Map.of(variable, "-Xmx1g"), "Linux", false)).as(variable).isEmpty();
        }
        assertThat(CommandJvm.jarToRelaunch(PLAIN, Map.of("JDK_JAVA_OPTIONS", " "), "Linux", false))
                .as("a blank variable is no option").isPresent();
    }

    @Test
    void neverFromAChildNorOnWindowsNorFromAClassPathStart() {
        assertThat(CommandJvm.jarToRelaunch(PLAIN, Map.of(), "Linux", true)).isEmpty();
        assertThat(CommandJvm.jarToRelaunch(PLAIN, Map.of(), "Windows 11", false)).isEmpty();
        assertThat(CommandJvm.jarToRelaunch(List.of("-cp", "e.jar", "dev.evalbench.Launcher", "run"), Map.of(), "Linux", false))
                .isEmpty();
        assertThat(CommandJvm.jarToRelaunch(List.of("run"), Map.of(), "Linux", false))
                .as("the packaged image's launcher: its JVM options are set already").isEmpty();
    }
}
