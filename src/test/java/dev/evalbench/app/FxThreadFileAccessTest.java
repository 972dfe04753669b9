package dev.evalbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.evalbench.app.settings.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The window tests' guard against file reads on the FX thread ({@link WorkbenchFixture#stop()}) catches one made
 * by the workbench's own code, and says which: here the settings file read on the FX thread, as the workbench
 * did at start until it moved the read to {@code WorkbenchApp.init}.
 */
@SharesFxToolkit
class FxThreadFileAccessTest {
    @TempDir Path temp;

    @Test
    void aFileReadOnTheFxThreadFailsTheTestAndNamesTheCodeAndTheFile() throws Exception {
        WorkbenchFixture fixture = WorkbenchFixture.withoutWorkspace(temp).start();
        Path settings = Files.createDirectories(temp.resolve("elsewhere")).resolve("workbench.json");
        Files.writeString(settings, "{}");
        new FxRobot().interact(() -> new SettingsFile(settings).load());

        assertThatThrownBy(fixture::stop).isInstanceOf(AssertionError.class)
                .hasMessageContaining("on the FX thread").hasMessageContaining("SettingsFile.load")
                .hasMessageContaining(settings.toString());
    }

    @Test
    void aWindowThatReadsNothingOnTheFxThreadStopsQuietly() throws Exception {
        WorkbenchFixture fixture = WorkbenchFixture.withoutWorkspace(temp).start();
        Path settings = Files.createDirectories(temp.resolve("elsewhere")).resolve("workbench.json");
        Files.writeString(settings, "{}");
        assertThat(new SettingsFile(settings).load()).isNotNull(); // the same read, on the test's thread

        fixture.stop();
    }
}
