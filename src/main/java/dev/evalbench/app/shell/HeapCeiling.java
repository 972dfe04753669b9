package dev.evalbench.app.shell;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps the resident memory of a workbench started with {@code java -jar} (the JVM's default heap: G1, up to a
 * quarter of RAM) near what the app needs. G1 grows its heap by half again or more whenever collections take
 * more than a sliver of the time, which opening a large run does, and then fills the new room with young
 * objects before it collects again: what it committed becomes resident and stays so. A running JVM cannot be
 * given {@code -Xmx} any more, so a watcher thread reads the committed heap five times a second and, once it is
 * over the ceiling, collects in full ({@code System.gc()}: with {@link IdleHeap}'s free ratios the collection
 * gives the room back) and returns freed native memory to the system (glibc's arenas keep what the JIT and
 * JavaFX freed; {@code System.trim_native_heap}). The new room is given back before most of it is touched.
 * It also collects once when the app has gone idle after work (no collection for {@value #IDLE_MS} ms), so a
 * window left open holds little.
 *
 * <p>Collections run on the watcher thread, never on the JavaFX thread (a full collection still pauses every
 * thread, for tens of milliseconds at the live set of a large run). At most one forced collection per
 * {@value #MIN_GAP_MS} ms; when what a full collection leaves is near the ceiling (a large live set), the ceiling
 * moves up to half as much again, so a large live set is not collected over and over. Thread-safe; {@link #check} is
 * called by the watcher only.
 */
public final class HeapCeiling {
    static final long CEILING = 288L << 20;
    static final long IDLE_FLOOR = 96L << 20;
    static final long IDLE_MS = 4_000;
    static final long MIN_GAP_MS = 1_500;
    static final long POLL_MS = 200;

    /** What the watcher reads and does; the real one is the running JVM's. */
    interface Heap {
        long committed();

        long collections();

        /**
         * A full collection, then native memory given back.
         *
         * @param idle the app is idle: the collection may leave less room than usual (none is needed now)
         */
        void collect(boolean idle);
    }

    private final Heap heap;
    private final LongSupplier clock;
    private final long base;
    private long ceiling;
    private long lastCount = -1;
    private long lastGcAt;
    private long countAtCollect;
    private long lastCollectAt = Long.MIN_VALUE / 2;
    private int forced;

    HeapCeiling(Heap heap, long ceiling, LongSupplier clockMs) {
        this.heap = heap;
        this.base = ceiling;
        this.ceiling = ceiling;
        this.clock = clockMs;
        this.lastGcAt = clockMs.getAsLong();
    }

    /**
     * Starts the watcher (a daemon thread) when the heap's maximum is the JVM's own choice; with {@code -Xmx}
     * given (the packaged image, {@code mvn javafx:run}, a user's choice) the heap is already bounded and nothing
     * starts. Returns whether it started. Call once, before the window opens.
     */
    public static boolean startIfDefaultHeap() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null || vm.getVMOption("MaxHeapSize").getOrigin() == VMOption.Origin.VM_CREATION) return false;
        } catch (LinkageError | RuntimeException e) {
            return false; // no HotSpot management: leave the JVM alone
        }
        watch(new HeapCeiling(new RunningJvm(), CEILING, System::currentTimeMillis));
        return true;
    }

    /** Checks {@code watcher} every {@value #POLL_MS} ms on a daemon thread of its own; returns that thread's executor. */
    static ScheduledExecutorService watch(HeapCeiling watcher) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evalbench-heap-ceiling");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(watcher::check, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        return thread;
    }

    /** One look at the heap: collects when it is over the ceiling, or once when the app went idle after work. */
    synchronized void check() {
        long now = clock.getAsLong();
        long count = heap.collections();
        if (count != lastCount) {
            lastCount = count;
            lastGcAt = now;
        }
        long committed = heap.committed();
        boolean over = committed > ceiling;
        boolean idleAfterWork = count > countAtCollect && now - lastGcAt >= IDLE_MS && committed > IDLE_FLOOR;
        if (!(over || idleAfterWork) || now - lastCollectAt < MIN_GAP_MS) return;
        heap.collect(!over);
        forced++;
        lastCollectAt = clock.getAsLong();
        countAtCollect = heap.collections();
        lastCount = countAtCollect;
        lastGcAt = lastCollectAt;
        long left = heap.committed();
        // A live set that needs nearly the ceiling's room would be collected again and again for nothing: the
        // ceiling moves up with it, and back down to its base once a collection leaves less.
        ceiling = left * 4 > base * 3 ? left * 3 / 2 : base;
    }

    synchronized long ceiling() {
        return ceiling;
    }

    synchronized int forcedCollections() {
        return forced;
    }

    /** The JVM this runs in. */
    static final class RunningJvm implements Heap {
        @Override
        public long committed() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        }

        @Override
        public long collections() {
            long n = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
            return n;
        }

        @Override
        public void collect(boolean idle) {
            if (idle) IdleHeap.whileIdle(System::gc);
            else System.gc();
            trimNativeHeap();
        }

        /** glibc keeps freed memory in its arenas; this hands it back (JDK 17.0.9 and later; else nothing). */
        static boolean trimNativeHeap() {
            try {
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "systemTrimNativeHeap", new Object[] {new String[0]}, new String[] {String[].class.getName()});
                return true;
            } catch (javax.management.JMException | RuntimeException e) {
                return false; // an older JDK, another libc: the memory stays with the process
            }
        }
    }
}
