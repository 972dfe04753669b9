package dev.evalbench.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.service.StarterWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Names people type, as file and workspace names: accents dropped, not the letters that carry them. */
class SlugTest {
    @Test
    void accentsAreDroppedAndEveryOtherRunIsOneHyphen() {
        assertThat(Slug.of("Zoë O'Brien", "me")).isEqualTo("zoe-o-brien");
        assertThat(Slug.of("  --  ", "me")).isEqualTo("me");
        assertThat(StarterWorkspace.nameFor(Path.of("/tmp/Équipe Évals"))).isEqualTo("equipe-evals");
        assertThat(StarterWorkspace.nameFor(Path.of("/tmp/___"))).isEqualTo("evals");
    }
}
