package dev.evalbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/**
 * The JDK's file exceptions carry only a path as their message; printed raw they read
 * {@code java.nio.file.AccessDeniedException: /ws/.evalbench}. Users get what happened to which file.
 */
class IoWordsTest {
    @Test
    void anUnwritableWorkspaceIsAPermissionProblemInWords() {
        assertThat(IoWords.of(new AccessDeniedException("/ws/.evalbench"))).isEqualTo("permission denied: /ws/.evalbench");
    }

    @Test
    void otherFileFailuresSayWhatHappened() {
        assertThat(IoWords.of(new NoSuchFileException("/ws/x.jsonl"))).isEqualTo("no such file or folder: /ws/x.jsonl");
        assertThat(IoWords.of(new FileSystemException("/ws/out", null, "No space left on device")))
                .isEqualTo("no space left on device: /ws/out");
        assertThat(IoWords.of(new IOException((String) null))).isEqualTo("input/output error");
    }
}
