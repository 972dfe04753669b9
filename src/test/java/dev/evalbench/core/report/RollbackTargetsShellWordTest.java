package dev.evalbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The restore command's paths are each one shell word, whatever their names hold. */
class RollbackTargetsShellWordTest {
    @Test
    void aPlainPathStaysAsItIsAndAnyOtherIsQuoted() {
        assertThat(RollbackTargets.shellWord("prompts/triage.yaml")).isEqualTo("prompts/triage.yaml");
        assertThat(RollbackTargets.shellWord("prompts/my prompt.yaml")).isEqualTo("'prompts/my prompt.yaml'");
        assertThat(RollbackTargets.shellWord("it's $HOME.yaml")).isEqualTo("'it'\\''s $HOME.yaml'");
    }
}
