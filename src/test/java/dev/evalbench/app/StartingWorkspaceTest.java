package dev.evalbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.settings.WorkbenchSettings;
import dev.evalbench.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which workspace {@code evalbench} with no arguments opens: the one the user is in (found from the current
 * folder upwards, as the commands find it), else the last one, else the sample beside a checkout, else none.
 */
class StartingWorkspaceTest {
    @TempDir Path temp;

    @Test
    void theWorkspaceTheUserIsInComesBeforeTheLastOne() throws Exception {
        Path here = temp.resolve("invoice-extraction");
        Cli.copyTree(Path.of("workspaces/invoice-extraction"), here);
        Path last = temp.resolve("support-triage");
        Cli.copyTree(Path.of("workspaces/support-triage"), last);
        WorkbenchSettings settings = new WorkbenchSettings();
        settings.lastWorkspace = last.toString();

        assertThat(StartingWorkspace.of(settings, here.resolve("datasets")))
                .as("from a folder inside a workspace").isEqualTo(here.toAbsolutePath().normalize());
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        assertThat(StartingWorkspace.of(settings, elsewhere)).as("from outside any").isEqualTo(last);
    }

    @Test
    void withoutALastWorkspaceACheckoutOpensItsSampleAndAnyOtherFolderNothing() throws Exception {
        Path checkout = temp.resolve("checkout");
        Cli.copyTree(Path.of("workspaces/support-triage"), checkout.resolve("workspaces/support-triage"));
        WorkbenchSettings settings = new WorkbenchSettings();
        settings.lastWorkspace = temp.resolve("deleted-since").toString();

        assertThat(StartingWorkspace.of(settings, checkout))
                .isEqualTo(checkout.resolve("workspaces/support-triage").toAbsolutePath().normalize());
        assertThat(StartingWorkspace.of(settings, Files.createDirectories(temp.resolve("empty")))).isNull();
    }
}
