package dev.evalbench.app.shell;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The heap settings the workbench chooses for itself when started as {@code java -jar evalbench.jar}: there
 * the JVM is already running on its defaults (G1, a heap that starts at 1/64 of RAM and may grow to 1/4), and
 * {@code -Xmx} can no longer be set. What can be set in a running JVM (HotSpot's "manageable" flags) is how
 * much free heap a collection leaves committed and that an idle JVM collects now and then, so a window left
 * open gives back what opening a large run took. The packaged image and {@code mvn javafx:run} cap the heap
 * with their own options instead.
 *
 * <p>A flag the user set on the command line is left alone. Without HotSpot's management module (a trimmed
 * runtime) nothing is changed. Call once, from the thread that starts the workbench.
 */
public final class IdleHeap {
    /**
     * In the order they are set (the minimum free ratio may not exceed the maximum at any time): shrink the
     * heap at a full collection or a concurrent cycle when more than 60% of it is free, grow it when less than
     * 30% is, and collect an idle JVM every 30 s (a concurrent cycle, which is when G1 shrinks). Not tighter:
     * with less than about half the heap free, G1 starts a concurrent mark after nearly every young collection
     * (its default start threshold is 45% occupancy), which took the CPU a large run's opening needed
     * (30% / 10% did, 2026-11-30). {@link HeapCeiling} bounds the heap from above.
     */
    static final Map<String, String> SETTINGS = settings();

    private IdleHeap() {}

    private static Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("MinHeapFreeRatio", "30");
        s.put("MaxHeapFreeRatio", "60");
        s.put("G1PeriodicGCInterval", "30000");
        return s;
    }

    /**
     * Runs {@code collection} with the heap's free ratios lowered to 10% / 30%, so a collection while the app is
     * idle leaves the heap at little more than what is live, then puts {@link #SETTINGS}' ratios back. Only when
     * those ratios are in force (a user's own are left alone). Called on {@link HeapCeiling}'s thread.
     */
    static void whileIdle(Runnable collection) {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (LinkageError | RuntimeException e) {
            vm = null;
        }
        boolean ours = vm != null && SETTINGS.get("MinHeapFreeRatio").equals(vm.getVMOption("MinHeapFreeRatio").getValue())
                && SETTINGS.get("MaxHeapFreeRatio").equals(vm.getVMOption("MaxHeapFreeRatio").getValue());
        if (!ours) {
            collection.run();
            return;
        }
        // The minimum may never exceed the maximum: lower the minimum first, raise it last.
        vm.setVMOption("MinHeapFreeRatio", "10");
        vm.setVMOption("MaxHeapFreeRatio", "30");
        try {
            collection.run();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", SETTINGS.get("MaxHeapFreeRatio"));
            vm.setVMOption("MinHeapFreeRatio", SETTINGS.get("MinHeapFreeRatio"));
        }
    }

    /** Applies {@link #SETTINGS} that still have their default value; returns the names of those set. */
    public static List<String> apply() {
        List<String> set = new ArrayList<>();
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (vm == null) return set;
            for (Map.Entry<String, String> flag : SETTINGS.entrySet()) {
                VMOption now = vm.getVMOption(flag.getKey());
                if (now.getOrigin() != VMOption.Origin.DEFAULT || !now.isWriteable()) continue;
                vm.setVMOption(flag.getKey(), flag.getValue());
                set.add(flag.getKey());
            }
        } catch (LinkageError | RuntimeException e) {
            // No HotSpot management here (a trimmed runtime, another JVM): the JVM's own defaults stay.
        }
        return set;
    }
}
