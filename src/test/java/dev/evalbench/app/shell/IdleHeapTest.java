package dev.evalbench.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The workbench's heap settings reach the running JVM, except where the command line already chose. */
@org.junit.jupiter.api.parallel.Isolated("changes the JVM's heap flags, which every test shares")
class IdleHeapTest {
    @Test
    void eachSettingIsInForceAfterwardsUnlessTheCommandLineSetIt() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        IdleHeap.apply();
        IdleHeap.SETTINGS.forEach((flag, value) -> {
            var option = vm.getVMOption(flag);
            if (option.getOrigin() != com.sun.management.VMOption.Origin.VM_CREATION) {
                assertThat(option.getValue()).as(flag).isEqualTo(value);
            }
        });
        // Applying again changes nothing: every flag now has a value that is no longer the default.
        assertThat(IdleHeap.apply()).isEmpty();
    }

    @Test
    void anIdleCollectionRunsWithTighterRatiosAndPutsTheWorkbenchRatiosBack() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        IdleHeap.apply();
        boolean ours = IdleHeap.SETTINGS.get("MaxHeapFreeRatio").equals(vm.getVMOption("MaxHeapFreeRatio").getValue())
                && IdleHeap.SETTINGS.get("MinHeapFreeRatio").equals(vm.getVMOption("MinHeapFreeRatio").getValue());
        String[] during = new String[2];
        IdleHeap.whileIdle(() -> {
            during[0] = vm.getVMOption("MinHeapFreeRatio").getValue();
            during[1] = vm.getVMOption("MaxHeapFreeRatio").getValue();
        });
        if (ours) assertThat(during).containsExactly("10", "30");
        assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(IdleHeap.SETTINGS.get("MinHeapFreeRatio"));
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(IdleHeap.SETTINGS.get("MaxHeapFreeRatio"));
    }
}
