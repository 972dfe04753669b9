package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.io.UserHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the workspace as git finds a repository, and where signing keys go by default. */
class WorkspaceLocatorAndKeysTest {
    @TempDir
    Path tmp;

    @Test
    void theWorkspaceIsFoundFromAFolderInsideIt() throws Exception {
        Path ws = Files.createDirectories(tmp.resolve("repo/evals"));
        Files.writeString(ws.resolve("evalbench.yaml"), "name: x\n");
        Path deep = Files.createDirectories(ws.resolve("prompts/drafts"));

        assertThat(WorkspaceLocator.discover(deep)).contains(ws.toAbsolutePath().normalize());
        assertThat(WorkspaceLocator.locate(null, ws)).isEqualTo(ws);
        assertThat(WorkspaceLocator.discover(tmp.resolve("repo"))).isEmpty();
        RequestException none = catchThrowableOfType(() -> WorkspaceLocator.locate(null, tmp.resolve("repo")), RequestException.class);
        assertThat(none.field()).isEqualTo("workspace");
        assertThat(none.value()).as("searched, not named").isNull();
        assertThat(none.reason()).contains("or a parent folder: no evalbench.yaml");
    }

    @Test
    void aNamedFolderThatIsNoWorkspaceIsOneLine() throws Exception {
        Path missing = tmp.resolve("nope");
        assertThat(catchThrowableOfType(() -> WorkspaceLocator.locate(missing, tmp), RequestException.class).reason())
                .isEqualTo("no workspace at " + missing + ": no such folder");
        assertThat(catchThrowableOfType(() -> WorkspaceLocator.locate(tmp, tmp), RequestException.class).reason())
                .isEqualTo("no workspace at " + tmp + ": no evalbench.yaml");
        Path file = Files.writeString(tmp.resolve("evalbench.yaml.txt"), "x");
        assertThat(catchThrowableOfType(() -> WorkspaceLocator.locate(file, tmp), RequestException.class).reason())
                .isEqualTo(file + " is a file, not a workspace folder");
    }

    @Test
    void keysGoToTheUsersConfigFolder() {
        Path home = Path.of("/home/ada");
        assertThat(KeyLocation.defaultFolder(Map.of(), "Linux", home)).isEqualTo(Path.of("/home/ada/.config/evalbench/keys"));
        assertThat(KeyLocation.defaultFolder(Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", home)).isEqualTo(Path.of("/cfg/evalbench/keys"));
        assertThat(KeyLocation.defaultFolder(Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/evalbench/keys"));
    }

    @Test
    void homeIsTheShellsHomeEvenWhereTheJvmReadsAnother() {
        // The JVM's user.home comes from the password database; a CI job or container may point HOME elsewhere.
        assertThat(UserHome.of(Map.of("HOME", "/ci/home"), "/root")).isEqualTo(Path.of("/ci/home"));
        assertThat(UserHome.of(Map.of(), "/root")).isEqualTo(Path.of("/root"));
        assertThat(UserHome.of(Map.of("HOME", ""), "/root")).isEqualTo(Path.of("/root"));
        assertThat(UserHome.of(Map.of("HOME", "relative"), "/root")).isEqualTo(Path.of("/root"));
    }

    @Test
    void keygenWritesWhereTheDocsLookWithOnlyHomeSet() {
        // README: keys=${XDG_CONFIG_HOME:-$HOME/.config}/evalbench/keys, with HOME other than this JVM's user.home.
        Path home = tmp.resolve("home");
        dev.evalbench.cli.Cli.Result made = dev.evalbench.cli.Cli.run(Map.of("HOME", home.toString()), "keygen", "--signer", "Ada Author");
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(home.resolve(".config/evalbench/keys/evalbench.key")).isRegularFile();
        assertThat(home.resolve(".config/evalbench/keys/evalbench.pub")).isRegularFile();
        assertThat(made.out()).contains(home.resolve(".config/evalbench/keys/evalbench.key").toString());
    }

    /** "(NAME.key, NAME.pub)", says the help: {@code keygen ci} was "Unmatched argument at index 1: 'ci'". */
    @Test
    void keygenTakesTheKeysNameAsAnArgumentToo() {
        Path home = tmp.resolve("home");
        Map<String, String> env = Map.of("HOME", home.toString());
        dev.evalbench.cli.Cli.Result made = dev.evalbench.cli.Cli.run(env, "keygen", "ci");
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(home.resolve(".config/evalbench/keys/ci.key")).isRegularFile();
        assertThat(home.resolve(".config/evalbench/keys/ci.pub")).isRegularFile();

        dev.evalbench.cli.Cli.Result two = dev.evalbench.cli.Cli.run(env, "keygen", "release", "--name", "other");
        assertThat(two.exit()).isEqualTo(dev.evalbench.cli.ExitCodes.BAD_INPUT);
        assertThat(two.err()).contains("two names for the key: release and --name other");
        assertThat(home.resolve(".config/evalbench/keys/other.key")).doesNotExist();
        assertThat(home.resolve(".config/evalbench/keys/release.key")).doesNotExist();
        dev.evalbench.cli.Cli.Result folder = dev.evalbench.cli.Cli.run(env, "keygen", "../ci");
        assertThat(folder.exit()).isEqualTo(dev.evalbench.cli.ExitCodes.BAD_INPUT);
        assertThat(folder.err()).contains("key name ../ci: use letters");
    }

    @Test
    void aFolderInsideAGitWorkTreeIsFoundAndItsKeyIgnored() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve(".git"));
        Path keys = Files.createDirectories(repo.resolve("keys"));
        assertThat(KeyLocation.gitWorkTree(keys.resolve("not-yet"))).contains(repo.toAbsolutePath().normalize());
        assertThat(KeyLocation.gitWorkTree(tmp.resolve("elsewhere"))).isEmpty();

        KeyLocation.ignoreInFolder(keys, "evalbench.key");
        KeyLocation.ignoreInFolder(keys, "evalbench.key");
        assertThat(Files.readAllLines(keys.resolve(".gitignore"))).containsOnlyOnce("evalbench.key");
    }
}
