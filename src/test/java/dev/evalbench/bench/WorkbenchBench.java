package dev.evalbench.bench;

import dev.evalbench.app.WorkbenchApp;
import dev.evalbench.app.WorkbenchOptions;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.core.record.CaseSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The workbench with a history of 200 runs and a 10,000-case run open (not a timed test): how long the first
 * rows take to appear after opening the run, a filter keystroke to show its rows, selecting a case to show its
 * detail, and how much memory the whole process holds. Prints medians. Run with {@code bash docs/bench.sh
 * workbench} (headless Monocle, software rendering); arguments: runs, cases of the big run, repetitions.
 */
public final class WorkbenchBench {
    private WorkbenchBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int cases = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path dir = Path.of("target/bench-workbench-" + runs + "-" + cases);
        long t = System.nanoTime();
        Path ws = BenchHistory.build(dir, runs, cases);
        System.out.printf(Locale.ROOT, "history ready: %d runs, newest has %,d cases (%.0f s)%n", runs, cases, (System.nanoTime() - t) / 1e9);

        // As WorkbenchLauncher does before it starts the window (java -jar, the README's quick start).
        System.out.println("heap settings chosen at start: " + dev.evalbench.app.shell.IdleHeap.apply()
                + (dev.evalbench.app.shell.HeapCeiling.startIfDefaultHeap() ? ", heap ceiling watched" : ""));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Files.createDirectories(dir.resolve("config"));
        WorkbenchApp app = new WorkbenchApp(new WorkbenchOptions(ws.toAbsolutePath(),
                new SettingsFile(dir.resolve("config/workbench.json")), Map.of()));
        // As JavaFX's launcher does before start(): the settings are read off the FX thread.
        app.init();
        long t0 = System.nanoTime();
        Scene scene = FxStopwatch.onFx(() -> {
            Stage stage = new Stage();
            app.start(stage);
            return stage.getScene();
        });
        FxStopwatch watch = new FxStopwatch(scene);
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = (ListView<RunRow>) FxStopwatch.onFx(() -> scene.lookup("#history-list"));
        waitUntil(() -> history.getItems().size() == runs && history.getItems().stream().allMatch(r -> r.gates() != null), 600);
        System.out.printf(Locale.ROOT, "history listed and every run gated in the background: %.1f s%n", (System.nanoTime() - t0) / 1e9);

        List<Double> open = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            FxStopwatch.onFx(() -> {
                app.workbench().window().tabs().getTabs().clear();
                history.getSelectionModel().select(history.getItems().stream().filter(r -> r.id().equals(BenchHistory.BIG_RUN)).findFirst().orElseThrow());
                return null;
            });
            double[] shown = watch.time(() -> history.fireEvent(enter(history)),
                    () -> table(scene) != null && !table(scene).getItems().isEmpty(),
                    () -> table(scene).getItems().size() == cases, 60);
            open.add(shown[0]);
            all.add(shown[1]);
            waitUntil(() -> gatesDone(scene), 120); // the gates of the 10,000 cases, read in full, before the next
        }
        List<Double> openFx = List.copyOf(watch.fxCpuMs), openCpu = List.copyOf(watch.processCpuMs);
        watch.fxCpuMs.clear();
        watch.processCpuMs.clear();
        TableView<CaseSummary> table = FxStopwatch.onFx(() -> table(scene));
        TextField filter = FxStopwatch.onFx(() -> (TextField) scene.lookup("#results-filter"));
        List<Double> keystroke = new ArrayList<>();
        String[] typing = {"t", "t0", "t01", "t012", "t0123", "t012", "t01", "t0", "t", ""};
        for (int i = 0; i < reps; i++) {
            for (String text : typing) {
                int[] changes = {0};
                javafx.collections.ListChangeListener<CaseSummary> counter = c -> changes[0]++;
                FxStopwatch.onFx(() -> { table.getItems().addListener(counter); return null; });
                keystroke.add(watch.time(() -> filter.setText(text), () -> changes[0] > 0, 30));
                FxStopwatch.onFx(() -> { table.getItems().removeListener(counter); return null; });
            }
        }
        List<Double> keyFx = List.copyOf(watch.fxCpuMs), keyCpu = List.copyOf(watch.processCpuMs);
        watch.fxCpuMs.clear();
        watch.processCpuMs.clear();
        List<Double> select = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < reps * 5; i++) {
            int row = random.nextInt(table.getItems().size());
            // Another case than the one shown: the pane is reused, so "shown" is its title naming the new case
            // (set together with every other text of the detail).
            String shown = FxStopwatch.onFx(() -> scene.lookup("#detail-title") instanceof Label l ? l.getText() : "");
            String want = FxStopwatch.onFx(() -> table.getItems().get(row).key().caseId());
            if (want.equals(shown)) continue;
            select.add(watch.time(() -> {
                table.getSelectionModel().clearAndSelect(row);
                table.scrollTo(row);
            }, () -> scene.lookup("#detail-title") instanceof Label l && l.getScene() != null && want.equals(l.getText()), 30));
        }
        // No System.gc() here: resident memory is read as the app holds it after the user's actions.
        System.out.printf(Locale.ROOT, "open the %,d-case run, first rows: median %.0f ms %s%n", cases, median(open), open);
        System.out.printf(Locale.ROOT, "open the %,d-case run, every row in the table: median %.0f ms %s%n", cases, median(all), all);
        System.out.printf(Locale.ROOT, "filter keystroke to rows shown: median %.1f ms (of %d)%n", median(keystroke), keystroke.size());
        System.out.printf(Locale.ROOT, "select a case to its detail shown: median %.1f ms (of %d)%n", median(select), select.size());
        System.out.printf(Locale.ROOT, "CPU to the first result, median ms (FX thread / whole process): first rows %.0f / %.0f,"
                + " filter %.1f / %.1f, select %.1f / %.1f%n", median(openFx), median(openCpu), median(keyFx), median(keyCpu),
                median(watch.fxCpuMs), median(watch.processCpuMs));
        System.out.printf(Locale.ROOT, "process memory: %s resident now, %s at peak; heap used %d MB of max %d MB%n",
                status("VmRSS"), status("VmHWM"), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        // A window left open: what the process holds once the idle JVM has collected (IdleHeap: every 30 s).
        Thread.sleep(35_000);
        System.out.printf(Locale.ROOT, "process memory after 35 s idle: %s resident%n", status("VmRSS"));
        // -Dbench.holdSeconds=N keeps the window open after the figures, for jcmd (heap histogram, NMT).
        Thread.sleep(Long.getLong("bench.holdSeconds", 0) * 1000);
        stopAndExit(app);
    }

    /** Stops the app once the figures are printed, then ends the process (closing is best left to exit). */
    static void stopAndExit(javafx.application.Application app) throws InterruptedException {
        Platform.runLater(() -> {
            try {
                app.stop();
            } catch (Exception ignored) {
                // the figures are printed; closing is best left to exit
            }
        });
        Thread.sleep(500);
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    private static TableView<CaseSummary> table(Scene scene) {
        return (TableView<CaseSummary>) scene.lookup("#results-table");
    }

    /** FX thread. */
    private static boolean gatesDone(Scene scene) {
        TableView<?> gates = (TableView<?>) scene.lookup("#gates-table");
        return gates != null && !gates.getItems().isEmpty();
    }

    private static KeyEvent enter(Node target) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!FxStopwatch.onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("gave up after " + seconds + " s");
            Thread.sleep(50);
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String status(String field) throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                long kb = Long.parseLong(line.replaceAll("\\D", ""));
                return (kb / 1024) + " MB";
            }
        }
        return "?";
    }
}
