package dev.evalbench;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order test classes are handed to the parallel pool (junit-platform.properties): the few that take tens of
 * seconds first, the rest as discovered. The pool's workers take classes from the front, so a long class that
 * started last would run on alone while the other workers sit idle; started first, it overlaps with the many
 * short ones. Order changes only when a class runs, never what it does or asserts; a class missing from the list
 * (renamed, or newly slow) merely runs in discovery order.
 */
public final class SlowClassesFirst implements ClassOrderer {
    /** Simple names, slowest first, as measured in a full `mvn -B verify` on two cores (surefire's elapsed times). */
    static final List<String> SLOWEST = List.of(
            "DocumentedShellBlocksTest", "KillAndResumeTest", "CiRecipeTest", "RunLauncherViewModelTest",
            "FastResamplingTest", "GroupedResamplingTest", "OtlpExportTest",
            "LayerRulesTest", "RunCommandTest", "JudgeRunTest", "JsonOutputTest", "DocumentedExitCodesTest",
            "ReadersNeedNoRouteEnvTest", "HostileProviderTest", "CanaryCommandTest", "RunEngineTest");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(d -> {
            int rank = SLOWEST.indexOf(d.getTestClass().getSimpleName());
            return rank < 0 ? SLOWEST.size() : rank;
        }));
    }
}
