package dev.evalbench.app.open;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.WorkbenchLauncherAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evalbench open FILE} with something that is not a run: one line naming the file, exit 2, no window. */
@org.junit.jupiter.api.parallel.Isolated("touches process-wide state: JavaFX toolkit, System.out/err, ProxySelector or system properties")
class OpenFileLauncherTest {
    @TempDir Path temp;

    private static String[] run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkbenchLauncherAccess.launch(args, Map.of("DISPLAY", ":0"), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {String.valueOf(code), err.toString(StandardCharsets.UTF_8).strip()};
    }

    @Test
    void aFileThatIsNotJsonExits2NamingFileLineAndColumn() throws Exception {
        Path bad = Files.writeString(temp.resolve("artifact.json"), "{\"run\": {\n  \"header\": nope\n}}", StandardCharsets.UTF_8);
        String[] out = run("open", bad.toString());
        assertThat(out[0]).isEqualTo("2");
        assertThat(out[1]).doesNotContain("\n").startsWith("evalbench open: " + bad + ":2:").contains("not a run export");
        assertThat(out[1]).doesNotContain("Exception");
    }

    @Test
    void aJsonFileThatIsNoRunAndAFolderThatIsNeitherExit2() throws Exception {
        Path other = Files.writeString(temp.resolve("package.json"), "{\"name\": \"x\"}", StandardCharsets.UTF_8);
        String[] json = run("open", other.toString());
        assertThat(json[0]).isEqualTo("2");
        assertThat(json[1]).isEqualTo("evalbench open: " + other
                + ": expected an evalbench run export (a JSON object with a \"run\" field)");
        Path folder = Files.createDirectories(temp.resolve("downloads"));
        String[] dir = run("open", folder.toString());
        assertThat(dir[0]).isEqualTo("2");
        assertThat(dir[1]).isEqualTo("evalbench open: " + folder
                + ": neither a workspace (no evalbench.yaml) nor a report folder (no report.json)");
        assertThat(run("open", "a.json", "b.json", "c.json")[0]).isEqualTo("2");
    }

    /** The folder that holds the samples, one level too high: the answer names the workspaces inside it. */
    @Test
    void theFolderAboveWorkspacesNamesThem() throws Exception {
        Path parent = Files.createDirectories(temp.resolve("workspaces"));
        for (String name : new String[] {"support-triage", "invoice-extraction"}) {
            Files.writeString(Files.createDirectories(parent.resolve(name)).resolve("evalbench.yaml"), "name: " + name + "\n");
        }
        Files.createDirectories(parent.resolve("notes"));
        String[] out = run("open", parent.toString());
        assertThat(out[0]).isEqualTo("2");
        assertThat(out[1]).isEqualTo("evalbench open: " + parent + ": neither a workspace (no evalbench.yaml) nor a report"
                + " folder (no report.json); the workspaces in it: invoice-extraction, support-triage (e.g. `evalbench open "
                + parent.resolve("invoice-extraction") + "`)");
    }
}
