package dev.evalbench.bench;

import dev.evalbench.core.compare.ReviewCase;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.service.CompareService;
import dev.evalbench.core.service.GateService;
import dev.evalbench.core.service.ReviewService;
import dev.evalbench.core.store.HistoryLocation;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.store.sqlite.SqliteRunStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The work behind the comparison, without a window, in the thread's own CPU time (not a timed test): what the
 * view does on opening (both runs' summaries read and aligned), what J needs when nothing was read ahead (two
 * full records read and diffed), and the whole {@code compare} of the command line (from summaries, full
 * records for the cases it shows). CPU time, because the shared machine's load makes wall times swing.
 * Prints medians. Run with {@code bash docs/bench.sh CompareWorkBench [CASES REPEATS]}.
 */
public final class CompareWorkBench {
    private CompareWorkBench() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path ws = CompareHistory.build(Path.of("target/bench-compare-" + cases), cases);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (RunStore store = SqliteRunStore.open(HistoryLocation.prepare(ws))) {
            ReviewService.Side base = new ReviewService.Side(store, CompareHistory.BASE);
            ReviewService.Side head = new ReviewService.Side(store, CompareHistory.HEAD);
            List<Double> open = new ArrayList<>();
            List<Double> pair = new ArrayList<>();
            List<Double> command = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                long t = cpu.getCurrentThreadCpuTime();
                ReviewService.Cases aligned = ReviewService.align(ReviewService.read(base), ReviewService.read(head));
                open.add((cpu.getCurrentThreadCpuTime() - t) / 1e6);
                List<ReviewCase> regressions = aligned.cases().stream().filter(ReviewCase::regressed).limit(20).toList();
                t = cpu.getCurrentThreadCpuTime();
                for (ReviewCase r : regressions) {
                    CaseRecord a = store.caseRecord(CompareHistory.BASE, r.before().key()).orElseThrow();
                    CaseRecord b = store.caseRecord(CompareHistory.HEAD, r.after().key()).orElseThrow();
                    dev.evalbench.app.compare.CaseComparison.of(r, a, b);
                }
                pair.add((cpu.getCurrentThreadCpuTime() - t) / 1e6 / regressions.size());
                t = cpu.getCurrentThreadCpuTime();
                new CompareService(store, new GateService(Map.of())).compare("main", CompareHistory.HEAD, ws);
                command.add((cpu.getCurrentThreadCpuTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "open: both runs' summaries read and aligned: median %.0f ms CPU %s%n", WorkbenchBench.median(open), open);
            System.out.printf(Locale.ROOT, "one case's two records read and diffed: median %.1f ms CPU%n", WorkbenchBench.median(pair));
            System.out.printf(Locale.ROOT, "compare (the command's work, warm JVM): median %.0f ms CPU %s%n", WorkbenchBench.median(command), command);
        }
    }
}
