package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.report.sign.SigningInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key pairs made from the workbench: where they may go, and what is written. */
class SigningKeysTest {
    @TempDir Path temp;

    @Test
    void aNewPairIsOwnerOnlyAndLoadsBackUnderItsName() throws Exception {
        SigningKeys.Created created = SigningKeys.create(temp.resolve("keys"), "alice", temp.resolve("ws"));

        assertThat(Files.getPosixFilePermissions(created.privateKeyFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(created.publicKeyFile()).hasFileName("alice.pub");
        SigningKeys.Pair pair = SigningKeys.load(created.privateKeyFile());
        assertThat(pair.label()).isEqualTo("alice");
        assertThat(pair.keyId()).isEqualTo(created.keyId());
        assertThat(SigningKeys.privateKeys(temp.resolve("keys"))).containsExactly(created.privateKeyFile());
        assertThat(SigningKeys.publicKeys(temp.resolve("keys"))).containsExactly(created.publicKeyFile());
    }

    @Test
    void aFolderInsideTheWorkspaceOrAGitWorkTreeIsRefusedAndNothingIsWritten() throws Exception {
        Path ws = Files.createDirectories(temp.resolve("ws"));
        SigningInputException inWorkspace = catchThrowableOfType(SigningInputException.class,
                () -> SigningKeys.create(ws.resolve("keys"), "alice", ws));
        assertThat(inWorkspace).hasMessageContaining("is inside the workspace");
        assertThat(ws.resolve("keys")).doesNotExist();

        Path repo = Files.createDirectories(temp.resolve("repo/.git")).getParent();
        SigningInputException inRepo = catchThrowableOfType(SigningInputException.class,
                () -> SigningKeys.create(repo.resolve("keys"), "alice", null));
        assertThat(inRepo).hasMessageContaining("inside the git work tree");
        assertThat(repo.resolve("keys")).doesNotExist();
    }

    @Test
    void aBadNameAnExistingFileAndAMismatchedPairAreRefused() throws Exception {
        assertThat(catchThrowableOfType(SigningInputException.class, () -> SigningKeys.create(temp, "../x", null)))
                .hasMessageContaining("use letters, digits");
        SigningKeys.Created a = SigningKeys.create(temp.resolve("a"), "k", null);
        assertThat(catchThrowableOfType(SigningInputException.class, () -> SigningKeys.create(temp.resolve("a"), "k", null)))
                .hasMessageContaining("already exists");
        SigningKeys.Created b = SigningKeys.create(temp.resolve("b"), "k", null);
        Files.copy(b.publicKeyFile(), a.publicKeyFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(catchThrowableOfType(SigningInputException.class, () -> SigningKeys.load(a.privateKeyFile())))
                .hasMessageContaining("are not one key pair");
    }
}
