package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.workspace.CountedCases;
import dev.evalbench.core.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The window makes a mask on the FX thread as a comparison opens, and masks in tasks: making it reads no case,
 * the first mask reads the workspace's cases once, and the mask is the one {@link OutboundMasks#of} makes.
 */
class OutboundMasksLaterTest {
    @Test
    void theMaskIsBuiltByItsFirstUserOnce() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        Workspace ws = CountedCases.ofSample(reads);

        Supplier<OutboundMask> later = OutboundMasks.later(List.of(ws), Map.of());
        assertThat(reads).as("made on the FX thread").hasValue(0);

        String masked = later.get().text("t001", "Write to hiroshi.sato@example.com about it.");
        int built = reads.get();
        assertThat(built).as("the first use reads the cases").isPositive();
        assertThat(masked).doesNotContain("hiroshi.sato@example.com")
                .isEqualTo(OutboundMasks.of(List.of(ws), Map.of()).text("t001", "Write to hiroshi.sato@example.com about it."));
        assertThat(later.get()).isSameAs(later.get());
        assertThat(reads.get()).as("built once: only the comparison above read them again").isEqualTo(built * 2);
    }
}
