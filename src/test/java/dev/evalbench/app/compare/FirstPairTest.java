package dev.evalbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.core.record.RunHeader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pair the compare dialog offers first, over a real history of the sample. */
class FirstPairTest {
    @TempDir Path temp;

    /**
     * A capture imported between two eval runs is no baseline for the second (the dialog offered "traffic run →
     * eval run", two runs with no case in common); a shadow run is read against the traffic it replayed, a canary
     * against its control, though other runs came between.
     */
    @Test
    void eachRunIsOfferedWithTheRunItIsReadWith() throws Exception {
        try (SampleHistory sample = SampleHistory.in(temp)) {
            assertThat(FirstPair.of(sample.store, "none", 200)).isNull();
            RunHeader before = sample.run();
            RunHeader control = sample.importTraffic("control.jsonl");
            RunHeader after = sample.run();
            assertThat(FirstPair.of(sample.store, after.id(), 200)).isEqualTo(new FirstPair(before.id(), after.id()));

            RunHeader canary = sample.importTraffic("canary-shifted.jsonl");
            assertThat(FirstPair.of(sample.store, canary.id(), 200)).isEqualTo(new FirstPair(control.id(), canary.id()));

            RunHeader shadow = sample.shadow(control);
            assertThat(FirstPair.of(sample.store, shadow.id(), 200)).isEqualTo(new FirstPair(control.id(), shadow.id()));
        }
    }
}
