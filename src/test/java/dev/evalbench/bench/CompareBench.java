package dev.evalbench.bench;

import dev.evalbench.app.WorkbenchApp;
import dev.evalbench.app.WorkbenchOptions;
import dev.evalbench.app.history.RunRow;
import dev.evalbench.app.settings.SettingsFile;
import dev.evalbench.core.compare.ReviewCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The comparison of two 10,000-case runs in the real window (not a timed test): from "compare with baseline"
 * in the history to the case list shown with the first regression selected, and to that regression's two
 * outputs shown; J to the next regression's outputs shown; a filter keystroke to its rows shown. Prints
 * medians. Run with {@code bash docs/bench.sh compare [CASES REPEATS [J_PRESSES]]} (headless Monocle, software
 * rendering; J is pressed 5 x REPEATS times unless J_PRESSES says).
 */
public final class CompareBench {
    private CompareBench() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int presses = args.length > 2 ? Integer.parseInt(args[2]) : reps * 5; // more for a profile of J alone
        Path dir = Path.of("target/bench-compare-" + cases);
        long t = System.nanoTime();
        Path ws = CompareHistory.build(dir, cases);
        System.out.printf(Locale.ROOT, "history ready: two runs of %,d cases (%.0f s)%n", cases, (System.nanoTime() - t) / 1e9);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Files.createDirectories(dir.resolve("config"));
        WorkbenchApp app = new WorkbenchApp(new WorkbenchOptions(ws.toAbsolutePath(),
                new SettingsFile(dir.resolve("config/workbench.json")), Map.of()));
        // As JavaFX's launcher does before start(): the settings are read off the FX thread.
        app.init();
        Scene scene = FxStopwatch.onFx(() -> {
            Stage stage = new Stage();
            app.start(stage);
            return stage.getScene();
        });
        FxStopwatch watch = new FxStopwatch(scene);
        @SuppressWarnings("unchecked")
        ListView<RunRow> history = (ListView<RunRow>) FxStopwatch.onFx(() -> scene.lookup("#history-list"));
        waitUntil(() -> history.getItems().stream().anyMatch(r -> r.id().equals(CompareHistory.HEAD)), 120);

        List<Double> listed = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            FxStopwatch.onFx(() -> {
                app.workbench().window().tabs().getTabs().clear();
                history.getSelectionModel().select(history.getItems().stream()
                        .filter(r -> r.id().equals(CompareHistory.HEAD)).findFirst().orElseThrow());
                return null;
            });
            Button compare = FxStopwatch.onFx(() -> (Button) scene.lookup("#history-compare-baseline"));
            double[] open;
            try {
                open = watch.time(compare::fire, () -> firstRegressionSelected(scene, cases),
                        () -> firstRegressionSelected(scene, cases) && title(scene).startsWith(selected(scene).key()), 60);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the comparison did not open: " + FxStopwatch.onFx(() -> describe(scene)), e);
            }
            listed.add(open[0]);
            shown.add(open[1]);
            waitUntil(() -> overviewDone(scene), 300); // metrics and gates, in the background, before the next
        }
        // The nodes the checks read, looked up once: a lookup walks the whole scene on the FX thread, which would
        // be counted in every timing.
        Label caseTitle = FxStopwatch.onFx(() -> (Label) scene.lookup("#compare-case-title"));
        TableView<ReviewCase> list = FxStopwatch.onFx(() -> table(scene));
        List<Double> next = new ArrayList<>();
        List<Double> nextCpu = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            next.add(watch.time(() -> scene.getRoot().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "j", "j", KeyCode.J,
                    false, false, false, false)), () -> {
                ReviewCase s = list.getSelectionModel().getSelectedItem();
                return s != null && s.regressed() && caseTitle.getText().startsWith(s.key() + " ");
            }, 30));
            nextCpu.add(watch.fxCpuMs.get(watch.fxCpuMs.size() - 1));
        }
        TextField filter = FxStopwatch.onFx(() -> (TextField) scene.lookup("#compare-filter"));
        TableView<ReviewCase> table = list;
        List<Double> keystroke = new ArrayList<>();
        String[] typing = {"t", "t0", "t01", "t012", "t0123", "t012", "t01", "t0", "t", ""};
        for (int i = 0; i < reps; i++) {
            for (String text : typing) {
                int[] changes = {0};
                javafx.collections.ListChangeListener<ReviewCase> counter = c -> changes[0]++;
                FxStopwatch.onFx(() -> { table.getItems().addListener(counter); return null; });
                keystroke.add(watch.time(() -> filter.setText(text), () -> changes[0] > 0, 30));
                FxStopwatch.onFx(() -> { table.getItems().removeListener(counter); return null; });
            }
        }
        System.out.printf(Locale.ROOT, "compare two %,d-case runs, list shown with the first regression selected: median %.0f ms %s%n",
                cases, WorkbenchBench.median(listed), listed);
        System.out.printf(Locale.ROOT, "compare two %,d-case runs, first regression's outputs shown: median %.0f ms %s%n",
                cases, WorkbenchBench.median(shown), shown);
        System.out.printf(Locale.ROOT, "J to the next regression's outputs shown: median %.1f ms (of %d)%n", WorkbenchBench.median(next), next.size());
        System.out.printf(Locale.ROOT, "J, the FX thread's CPU time: median %.1f ms (less swayed by the machine's load)%n", WorkbenchBench.median(nextCpu));
        System.out.printf(Locale.ROOT, "J in order (ms, wall/FX CPU): %s%n", java.util.stream.IntStream.range(0, next.size())
                .mapToObj(i -> String.format(Locale.ROOT, "%.0f/%.0f", next.get(i), nextCpu.get(i))).toList());
        System.out.printf(Locale.ROOT, "filter keystroke to rows shown: median %.1f ms (of %d)%n", WorkbenchBench.median(keystroke), keystroke.size());
        WorkbenchBench.stopAndExit(app);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ReviewCase> table(Scene scene) {
        return (TableView<ReviewCase>) scene.lookup("#compare-table");
    }

    private static ReviewCase selected(Scene scene) {
        TableView<ReviewCase> t = table(scene);
        return t == null ? null : t.getSelectionModel().getSelectedItem();
    }

    private static boolean firstRegressionSelected(Scene scene, int cases) {
        TableView<ReviewCase> t = table(scene);
        return t != null && t.getItems().size() == cases && t.getSelectionModel().getSelectedIndex() == 0
                && t.getItems().get(0).regressed();
    }

    /** FX thread: what the window shows, for a run that did not finish. */
    private static String describe(Scene scene) {
        TableView<ReviewCase> t = table(scene);
        Label status = (Label) scene.lookup("#status-message");
        return "table " + (t == null ? "absent" : t.getItems().size() + " rows, selected " + t.getSelectionModel().getSelectedIndex())
                + ", case title '" + title(scene) + "', status '" + (status == null ? "" : status.getText()) + "'";
    }

    private static String title(Scene scene) {
        Label l = (Label) scene.lookup("#compare-case-title");
        return l == null ? "" : l.getText();
    }

    /** FX thread. */
    private static boolean overviewDone(Scene scene) {
        Label state = (Label) scene.lookup("#compare-overview-state");
        return state != null && !state.getText().startsWith("Comparing");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!FxStopwatch.onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("gave up after " + seconds + " s");
            Thread.sleep(50);
        }
    }
}
