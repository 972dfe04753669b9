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

    /**
     * A comparison's mask knows the runs' own restricted values, from their snapshots: with the workspace in use
     * unreadable (a problem in gates.yaml: null here), and with a dataset that no longer has the case. Masked with
     * the open workspace alone, the window showed t001's e-mail in full in both.
     */
    @Test
    void aComparisonsMaskReadsTheRunsSnapshotsWhenTheOpenWorkspaceCannotMaskThem(@org.junit.jupiter.api.io.TempDir
                                                                                  java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path ws = dev.evalbench.cli.Cli.copySample(tmp);
        for (int i = 0; i < 2; i++) {
            assertThat(dev.evalbench.cli.Cli.run("run", ws.toString(), "--suite", "triage", "--quiet").exit()).isIn(0, 1);
        }
        String email = "Write to hiroshi.sato@example.com about it.";
        try (var store = dev.evalbench.core.store.sqlite.SqliteRunStore.openReadOnly(ws.resolve(".evalbench/history.db"))) {
            List<dev.evalbench.core.record.RunHeader> runs = store.runs(2);
            ReviewService.Side before = new ReviewService.Side(store, runs.get(1).id());
            ReviewService.Side after = new ReviewService.Side(store, runs.get(0).id());
            assertThat(OutboundMasks.later(List.of(), Map.of()).get().text("t001", email)).as("nothing to mask with")
                    .contains("hiroshi.sato@example.com");

            assertThat(OutboundMasks.later(null, Map.of(), before, after).get().text("t001", email))
                    .doesNotContain("hiroshi.sato@example.com");

            dev.evalbench.cli.Cli.edit(ws.resolve("datasets/tickets.jsonl"), "hiroshi.sato@example.com", "someone@example.com");
            Workspace edited = dev.evalbench.core.workspace.WorkspaceLoader.load(
                    new dev.evalbench.core.workspace.DiskWorkspaceFiles(ws), Map.of());
            assertThat(OutboundMasks.later(edited, Map.of(), before, after).get().text("t001", email))
                    .doesNotContain("hiroshi.sato@example.com");
        }
    }
}
