package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of a workspace that has no policy rules, no CEL checks and no judges never builds CEL's runtime, which
 * costs a command's start tens of milliseconds; one with a rule (the sample's) does. Seen as a user's process
 * sees it: a real {@code run} in a child JVM, its class loading logged.
 */
@org.junit.jupiter.api.parallel.Execution(org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT) // own folders and children
class CelOnlyWhenUsedTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/minimal-workspace");

    @TempDir Path tmp;

    @Test
    void aWorkspaceWithoutCelLoadsNoneOfItsClasses() throws Exception {
        Path ws = tmp.resolve("minimal");
        Cli.copyTree(FIXTURE, ws);

        assertThat(classesLoadedByARunOf(ws)).contains("dev.evalbench.core.decide.PolicyDecider")
                .doesNotContain(" dev.cel.");
    }

    /**
     * The sample's rule, check and template are CEL's and Pebble's to check when it runs; comparing two of its
     * stored runs only reads them (the gates come from stored verdicts), so neither library is loaded: they were
     * about a third of the classes, and 0.2-0.3 s, of every {@code compare}, {@code gate} and {@code report}.
     */
    @Test
    void aWorkspaceWithAPolicyRuleLoadsThemToRunButNotToCompareItsStoredRuns() throws Exception {
        Path ws = Cli.copySample(tmp);
        assertThat(classesLoadedByARunOf(ws)).contains(" dev.cel.").contains(" io.pebbletemplates.");

        String compared = classesLoadedBy("compare", "latest", "latest", "--db", tmp.resolve(ws.getFileName() + ".db").toString(),
                "--workspace", ws.toString(), "--json");
        assertThat(compared).containsPattern("\"gates\":\\[\\{\"").contains("dev.evalbench.core.workspace.WorkspaceLoader ")
                .doesNotContain(" dev.cel.").doesNotContain(" io.pebbletemplates.");
    }

    /**
     * The command JVM that makes the class archive (ClassArchive: a machine's second run) builds CEL's runtime
     * and makes one HTTP call to itself after its command, so an archive made by a workspace without CEL and
     * without a route to a real model (the minimal one, or the sample a new user runs first) still holds both
     * for later runs that need them.
     */
    @Test
    void aClassArchiveMadeOnAWorkspaceWithoutCelOrHttpRoutesStillHoldsThem() throws Exception {
        Path ws = tmp.resolve("minimal");
        Cli.copyTree(FIXTURE, ws);
        Path archive = tmp.resolve("made.jsa");
        String made = java("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off", "-Devalbench.classArchive.making=true",
                "-Xlog:class+load=info", "-jar", TestJar.path().toString(), "validate", ws.toString());
        // The command itself used none: CEL's classes load only after it, when the launcher's class makes it whole.
        assertThat(made.indexOf(" dev.cel.")).as("CEL loaded after the command")
                .isGreaterThan(made.indexOf("dev.evalbench.ClassArchive source:")).isGreaterThan(0);
        assertThat(made.indexOf("dev.evalbench.ClassArchive source:")).isGreaterThan(made.indexOf("ValidateCommand source:"));
        assertThat(archive).isRegularFile();

        String mapped = java("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off", "-Xlog:class+load=info", "-jar",
                TestJar.path().toString(), "validate", Cli.copySample(tmp.resolve("sample")).toString());
        assertThat(mapped).containsPattern("dev\\.cel\\.runtime\\.\\S+ source: shared objects file")
                .doesNotContainPattern("dev\\.cel\\.runtime\\.\\S+ source: (file|jar):");

        // The HTTP path, loaded after the command too, is in the archive's dictionary: OkHttp's HTTP/1 codec, okio,
        // Kotlin's runtime beneath them, and the provider's own transport.
        assertThat(made.indexOf(" okhttp3.")).as("OkHttp loaded after the command")
                .isGreaterThan(made.indexOf("dev.evalbench.ClassArchive source:"));
        String dictionary = java("-XX:SharedArchiveFile=" + archive, "-XX:+PrintSharedArchiveAndExit", "-jar",
                TestJar.path().toString());
        assertThat(dictionary).contains(" okhttp3.internal.http1.Http1ExchangeCodec ", " okio.Buffer ",
                " kotlin.jvm.internal.Intrinsics ", " dev.evalbench.core.provider.http.HttpTransport ",
                " dev.evalbench.core.provider.http.OpenAiWireFormat ");
    }

    private String java(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(TestJar.java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of(args));
        Path log = tmp.resolve("java-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(TestJar.yielding(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private String classesLoadedByARunOf(Path ws) throws Exception {
        return classesLoadedBy("run", ws.toString(), "--route", "offline", "--db", tmp.resolve(ws.getFileName() + ".db").toString(),
                "--quiet");
    }

    /** The output of an evalbench command, its class loading logged in it. */
    private String classesLoadedBy(String... args) throws Exception {
        // The test jar's options (its class archive: a class mapped from it is logged by name all the same).
        List<String> command = new ArrayList<>(List.of(TestJar.java()));
        command.addAll(List.of(TestJar.jvmOptions().split(" ")));
        command.addAll(List.of("-Xlog:class+load=info", "-jar", TestJar.path().toString()));
        command.addAll(List.of(args));
        Path log = tmp.resolve(args[0] + "-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(TestJar.yielding(command)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isIn(ExitCodes.OK, ExitCodes.GATE_FAILED);
        return out;
    }
}
