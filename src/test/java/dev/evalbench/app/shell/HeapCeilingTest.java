package dev.evalbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * When the watcher collects: a heap grown over the ceiling, an app gone idle after work; never twice in a row,
 * never for a live set that needs the room. A scripted heap and clock; the real JVM's part is tested below.
 */
@org.junit.jupiter.api.parallel.Isolated("runs a full collection of the test JVM; workbench tests run alone")
class HeapCeilingTest {
    private static final long MB = 1L << 20;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Script heap = new Script();
    private final HeapCeiling watcher = new HeapCeiling(heap, 288 * MB, now::get);

    /** A heap whose committed size and collection count the test sets; a full collection leaves {@code afterFull}. */
    private static final class Script implements HeapCeiling.Heap {
        long committed = 64 * MB;
        long afterFull = 64 * MB;
        long collections;
        final List<String> collectedOn = new ArrayList<>();
        final List<Boolean> idle = new ArrayList<>();

        @Override public long committed() { return committed; }
        @Override public long collections() { return collections; }
        @Override public void collect(boolean idle) {
            this.idle.add(idle);
            collectedOn.add(Thread.currentThread().getName());
            collections++;
            committed = afterFull;
        }
    }

    private void tick(long ms) {
        now.addAndGet(ms);
        watcher.check();
    }

    @Test
    void aHeapGrownOverTheCeilingIsCollectedAtOnceAndGivenBack() {
        tick(200);
        assertThat(watcher.forcedCollections()).isZero();
        heap.collections += 3; // young collections while a run opens
        heap.committed = 616 * MB; // G1 grew the heap after one of them
        tick(200);
        assertThat(watcher.forcedCollections()).isEqualTo(1);
        assertThat(heap.idle).containsExactly(false);
        assertThat(heap.committed).isEqualTo(64 * MB);
    }

    @Test
    void notTwiceWithinTheGapEvenIfTheHeapGrowsAgainAtOnce() {
        heap.committed = 400 * MB;
        tick(200);
        heap.committed = 400 * MB;
        tick(200);
        assertThat(watcher.forcedCollections()).isEqualTo(1);
        tick(HeapCeiling.MIN_GAP_MS);
        assertThat(watcher.forcedCollections()).isEqualTo(2);
    }

    @Test
    void aLiveSetThatNeedsTheRoomRaisesTheCeilingInsteadOfBeingCollectedOverAndOver() {
        heap.committed = 400 * MB;
        heap.afterFull = 260 * MB; // what a full collection cannot free
        tick(200);
        assertThat(watcher.ceiling()).isEqualTo(390 * MB);
        heap.committed = 380 * MB;
        tick(HeapCeiling.MIN_GAP_MS);
        assertThat(watcher.forcedCollections()).isEqualTo(1);
        // Once the run is closed, a collection leaves little: the ceiling is back at its base.
        heap.committed = 400 * MB;
        heap.afterFull = 64 * MB;
        tick(HeapCeiling.MIN_GAP_MS);
        assertThat(watcher.forcedCollections()).isEqualTo(2);
        assertThat(watcher.ceiling()).isEqualTo(288 * MB);
    }

    @Test
    void anAppIdleAfterWorkIsCollectedOnceAndAnIdleAppThatDidNothingIsLeftAlone() {
        heap.committed = 200 * MB; // under the ceiling, over the idle floor
        tick(HeapCeiling.IDLE_MS * 2);
        assertThat(watcher.forcedCollections()).as("no collection since start: nothing to give back").isZero();
        heap.collections += 5; // work
        tick(200);
        tick(HeapCeiling.IDLE_MS - 400);
        assertThat(watcher.forcedCollections()).as("not idle long enough yet").isZero();
        tick(400);
        assertThat(watcher.forcedCollections()).isEqualTo(1);
        assertThat(heap.idle).as("an idle collection may leave less room").containsExactly(true);
        heap.committed = 200 * MB;
        tick(HeapCeiling.IDLE_MS * 3);
        assertThat(watcher.forcedCollections()).as("still idle: once is enough").isEqualTo(1);
    }

    @Test
    void theRealWatcherCollectsOnItsOwnThreadNeverTheCallersAndTrimsNativeMemory() throws Exception {
        // In this JVM (surefire's, on its default heap unless configured): the real heap, the real thread.
        var seen = java.util.Collections.synchronizedList(new ArrayList<String>());
        var real = new HeapCeiling.RunningJvm();
        HeapCeiling.Heap recording = new HeapCeiling.Heap() {
            @Override public long committed() { return real.committed(); }
            @Override public long collections() { return real.collections(); }
            @Override public void collect(boolean idle) {
                seen.add(Thread.currentThread().getName());
                real.collect(idle);
            }
        };
        HeapCeiling tight = new HeapCeiling(recording, 1, System::currentTimeMillis); // any heap is over 1 byte
        long before = real.collections();
        var thread = HeapCeiling.watch(tight);
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (tight.forcedCollections() == 0 && System.nanoTime() < deadline) Thread.sleep(20);
        } finally {
            thread.shutdownNow();
        }
        assertThat(seen).isNotEmpty().allMatch("evalbench-heap-ceiling"::equals);
        assertThat(real.collections()).as("a full collection ran").isGreaterThan(before);
        assertThat(HeapCeiling.RunningJvm.trimNativeHeap()).as("System.trim_native_heap exists in this JDK").isTrue();
    }
}
