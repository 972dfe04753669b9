package dev.evalbench.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.fx.SameThreadTaskRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new key pair's file name follows the signer's name as it is typed, until the user types a file name. */
class KeysViewModelTest {
    @TempDir Path temp;

    @Test
    void theFileNameFollowsTheSignerUntilOneIsTyped() throws Exception {
        KeysViewModel keys = new KeysViewModel(new SameThreadTaskRunner(), temp.resolve("keys"), () -> null);
        String machineUser = keys.nameProperty().get();
        keys.signerProperty().set("Zoë O'Brien");
        assertThat(keys.nameProperty().get()).isEqualTo("zoe-o-brien");
        keys.signerProperty().set("");
        assertThat(keys.nameProperty().get()).as("no signer: the machine's user again").isEqualTo(machineUser);

        keys.nameProperty().set("laptop");
        keys.signerProperty().set("Ada Author");
        assertThat(keys.nameProperty().get()).as("a name typed is kept").isEqualTo("laptop");

        keys.create(made -> { });
        assertThat(temp.resolve("keys/laptop.key")).exists();
    }

    @Test
    void aSignerWithNothingToNameAFileByLeavesTheFallback() {
        assertThat(KeysViewModel.fileNameFor("  --  ", "me")).isEqualTo("me");
        assertThat(KeysViewModel.fileNameFor("Rita Reviewer (QA)", "me")).isEqualTo("rita-reviewer-qa");
        assertThat(KeysViewModel.fileNameFor(null, "me")).isEqualTo("me");
    }

    /**
     * The keys last signed and approved with are kept through the settings file: written by one session, offered
     * by the next's export and verify forms; each forgotten there when its file is gone.
     */
    @Test
    void theKeyLastSignedWithIsKeptInTheSettingsFileForTheNextSession() throws Exception {
        Path folder = temp.resolve("keys");
        Path key = dev.evalbench.core.service.SigningKeys.create(folder, "rae", "Rae Viewer", null).privateKeyFile();
        var file = new dev.evalbench.app.settings.SettingsFile(temp.resolve("settings/workbench.json"));
        var before = file.load();
        KeysViewModel first = new KeysViewModel(new SameThreadTaskRunner(), folder, () -> null);
        first.rememberIn(before);
        Path reviewer = dev.evalbench.core.service.SigningKeys.create(folder, "rae-reviews", "Rae Viewer", null)
                .privateKeyFile();
        first.lastUsedProperty().set(key);
        first.lastApprovedProperty().set(reviewer);
        file.save(before);

        KeysViewModel next = new KeysViewModel(new SameThreadTaskRunner(), folder, () -> null);
        var after = file.load();
        next.rememberIn(after);
        next.refresh();
        assertThat(next.lastUsedProperty().get()).isEqualTo(key);
        assertThat(next.lastApprovedProperty().get()).as("the key approved with, kept apart").isEqualTo(reviewer);

        java.nio.file.Files.delete(key);
        next.refresh();
        assertThat(next.lastUsedProperty().get()).as("its file deleted").isNull();
        assertThat(after.signingKey).isNull();
        assertThat(next.lastApprovedProperty().get()).as("its file still there").isEqualTo(reviewer);
        java.nio.file.Files.delete(reviewer);
        next.refresh();
        assertThat(next.lastApprovedProperty().get()).isNull();
        assertThat(after.approvingKey).isNull();
    }
}
