package dev.evalbench.app.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.app.SampleHistory;
import dev.evalbench.app.fx.BackgroundTask;
import dev.evalbench.app.fx.BackgroundTasks;
import dev.evalbench.app.fx.SameThreadTaskRunner;
import dev.evalbench.app.fx.TaskRunner;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.ProgressSnapshot;
import dev.evalbench.core.service.RunService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run launcher over the real RunService, the sample's scripted routes and a real SQLite history. */
class RunLauncherViewModelTest {
    @TempDir Path temp;
    private SampleHistory sample;
    private final List<RunHeader> ended = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        sample = SampleHistory.in(temp);
    }

    @AfterEach
    void close() throws Exception {
        sample.close();
    }

    private RunLauncherViewModel launcher(TaskRunner runner) {
        RunLauncherViewModel vm = new RunLauncherViewModel(runner, () -> sample.store, () -> sample.workspace,
                new RunService(Clock.systemUTC(), Map.of()));
        vm.setWorkspace(sample.ws);
        vm.setOnEnded((progress, header) -> ended.add(header));
        return vm;
    }

    @Test
    void theDefaultRouteIsChosenAndARunEndsCompleteWithCountsThatMatchTheHistory() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        assertThat(vm.routes()).contains("offline", "offline-live", "openai");
        assertThat(vm.chosenRoutes()).containsExactly("offline");
        assertThat(vm.suites()).containsExactly("triage", "safety");
        vm.cacheModeProperty().set("off");
        RunProgress run = vm.run();
        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.COMPLETE);
        assertThat(ended).hasSize(1);
        RunHeader header = ended.get(0);
        assertThat(header.status()).isEqualTo(RunStatus.COMPLETE);
        ProgressSnapshot last = run.snapshot();
        assertThat(last.done()).isEqualTo(159).isEqualTo(last.total());
        List<CaseSummary> stored = sample.store.summaries(header.id());
        ProgressSnapshot.RouteCounts offline = last.routes().get("offline");
        assertThat(offline.passed()).isEqualTo(stored.stream().filter(CaseSummary::passed).count());
        assertThat(offline.errored()).isZero();
        assertThat(offline.total()).isEqualTo(159);
        assertThat(run.textProperty().get()).startsWith("complete: 159 / 159  offline: pass " + offline.passed() + " fail " + offline.failed() + " error 0");
        assertThat(run.fractionProperty().get()).isEqualTo(1.0);
    }

    @Test
    void severalRoutesAtOnceAreCountedEachOnItsOwn() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        vm.chosenRoutes().setAll("offline", "offline-live");
        vm.chosenSuites().setAll("safety");
        vm.concurrencyProperty().set(16);
        RunProgress run = vm.run();
        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.COMPLETE);
        assertThat(run.snapshot().routes()).containsOnlyKeys("offline", "offline-live");
        assertThat(run.snapshot().routes().get("offline-live").total()).isEqualTo(32);
        assertThat(sample.store.summaries(run.runIdProperty().get())).hasSize(64);
    }

    @Test
    void aBadRequestIsRefusedBeforeAnythingIsStored() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        vm.chosenRoutes().clear();
        assertThat(vm.run()).isNull();
        assertThat(vm.problemProperty().get()).isEqualTo("Choose at least one route to run.");
        vm.chosenRoutes().setAll("offline");
        vm.concurrencyProperty().set(0);
        assertThat(vm.run()).isNull();
        assertThat(vm.problemProperty().get()).isEqualTo("concurrency: must be at least 1");
        vm.setWorkspace(null);
        assertThat(vm.run()).isNull();
        assertThat(vm.problemProperty().get()).startsWith("The workspace has problems");
        assertThat(sample.store.runs(10)).isEmpty();
        // Fixed, the refusal is withdrawn; another kind of refusal stays until the next run says otherwise.
        vm.setWorkspace(sample.ws);
        assertThat(vm.problemProperty().get()).isEmpty();
        vm.chosenRoutes().clear();
        vm.run();
        vm.setWorkspace(sample.ws);
        assertThat(vm.problemProperty().get()).isEqualTo("Choose at least one route to run.");
    }

    /**
     * Cases of a stored run again (the results tab's "Rerun failing"): exactly those cases run, on that run's
     * route, with the launcher's cache mode; a traffic run's cases, which are production's and not the
     * workspace's, are refused in words, and nothing is stored.
     */
    @Test
    void casesOfAStoredRunRunAgainOnItsRouteAndATrafficRunsAreRefused() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        RunHeader first = sample.run();
        List<dev.evalbench.core.record.CaseKey> failing = sample.store.summaries(first.id()).stream()
                .filter(c -> !c.passed()).map(CaseSummary::key).toList();
        assertThat(failing).hasSize(27);
        vm.chosenRoutes().setAll("offline-live");
        vm.cacheModeProperty().set("off");
        vm.runAgain(first.id(), failing);
        assertThat(ended).hasSize(1);
        RunHeader again = ended.get(0);
        assertThat(again.status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(again.config().routes()).as("the run's route, not the launcher's").containsExactly("offline");
        assertThat(again.config().cacheMode()).isEqualTo("off");
        assertThat(sample.store.summaries(again.id())).extracting(CaseSummary::key).containsExactlyInAnyOrderElementsOf(failing);

        String capture = sample.workspace.resolve("traffic/control-small.jsonl").toString();
        assertThat(dev.evalbench.cli.Cli.run("traffic", "import", capture, "-w", sample.workspace.toString()).exit()).isZero();
        RunHeader traffic = sample.store.runs(1).get(0);
        vm.runAgain(traffic.id(), sample.store.summaries(traffic.id()).stream().map(CaseSummary::key).toList());
        assertThat(vm.problemProperty().get()).isEqualTo("Run " + traffic.id() + " is a traffic run: its cases are "
                + "production's requests, not the workspace's; replay them with evalbench shadow.");
        assertThat(sample.store.runs(10)).hasSize(3);
        assertThat(ended).hasSize(1);

        // A case since removed from the dataset is named, and nothing runs (it ran the others without a word).
        var gone = new dev.evalbench.core.record.CaseKey("triage", "t999", "triage", "offline", 0);
        vm.runAgain(first.id(), List.of(failing.get(0), gone));
        assertThat(vm.problemProperty().get())
                .isEqualTo("Case t999 is no longer in the suites it ran: rerun the cases still there, or run the suites whole.");
        assertThat(sample.store.runs(10)).hasSize(3);
    }

    /**
     * A route whose key variable is unset is refused before a run starts, in the command line's words (it started a
     * run that failed at once, its bar left moving as if busy).
     */
    @Test
    void aRouteWithoutItsKeyIsRefusedBeforeARunStarts() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        vm.chosenRoutes().setAll("offline", "openai");

        assertThat(vm.run()).isNull();
        assertThat(vm.problemProperty().get())
                .isEqualTo("route openai reads its API key from OPENAI_API_KEY, which is not set in the environment; set it "
                        + "where Evalbench starts (a local server takes any value), or choose another route");
        assertThat(vm.currentProperty().get()).isNull();
        assertThat(sample.store.runs(10)).isEmpty();
    }

    /** A route's unset ${NAME} is said in the menu and refused with file and line; the others run (none could). */
    @Test
    void aRouteWithAnUnsetVariableIsNotedAndRefusedWhileTheOthersRun() throws Exception {
        java.nio.file.Files.writeString(sample.workspace.resolve("routes.yaml"), "\n  local:\n    provider: ollama\n"
                + "    model: llama3\n    base_url: ${LOCAL_LLM_URL}\n", java.nio.file.StandardOpenOption.APPEND);
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        vm.setWorkspace(dev.evalbench.core.service.Components.loadChecked(sample.workspace, Map.of()));

        assertThat(vm.routes()).contains("offline", "local");
        assertThat(vm.routeNote("local")).isEqualTo("LOCAL_LLM_URL not set");
        assertThat(vm.routeNote("offline")).isNull();
        vm.chosenRoutes().setAll("local");
        assertThat(vm.run()).isNull();
        assertThat(vm.problemProperty().get())
                .startsWith("route local takes its base_url from LOCAL_LLM_URL (routes.yaml:46:15)");
        vm.chosenRoutes().setAll("offline");
        RunProgress run = vm.run();
        assertThat(run).isNotNull();
        assertThat(sample.store.runs(10)).hasSize(1);
    }

    /**
     * A prompt edited outside the workbench without a new revision: the run goes, and once it has started (which
     * clears the status line) the status line says why two texts would share "triage r4".
     */
    @Test
    void aChangedTextUnderTheSameRevisionIsWarnedAboutOnceTheRunStarts() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        RunProgress first = runThenEditThePrompt(vm);
        vm.setWorkspace(dev.evalbench.core.service.Components.loadChecked(sample.workspace, Map.of()));
        List<String> status = new ArrayList<>();
        vm.setOnStarted(header -> status.add("started"));
        vm.problemProperty().addListener((o, was, now) -> status.add(now));

        RunProgress second = vm.run();

        assertThat(second.stateProperty().get()).isEqualTo(RunProgress.State.COMPLETE);
        assertThat(status).containsExactly("started", "Warning: prompts/triage.yaml: its text differs from the one run "
                + first.runIdProperty().get() + " used, but both say revision 4; give the new text revision 5 and a "
                + "changelog line, so the history, reports and comparisons tell them apart");
    }

    /**
     * Ctrl+R with unsaved edits in an editor: the run is of the files as saved (a run records revisions), and once it
     * has started the status line says whose edits it left out, so the author does not read it as the edit's verdict.
     * A resume runs its stored inputs and says nothing of them.
     */
    @Test
    void aRunStartedWithUnsavedEditsSaysTheyAreNotInIt() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        vm.setUnsavedFiles(() -> List.of("prompts/reply-rubric.yaml", "prompts/triage.yaml"));
        vm.chosenSuites().setAll("safety");
        List<String> status = new ArrayList<>();
        vm.problemProperty().addListener((o, was, now) -> status.add(now));

        RunProgress run = vm.run();

        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.COMPLETE);
        assertThat(status).containsExactly("Warning: unsaved edits to prompts/reply-rubric.yaml and "
                + "prompts/triage.yaml are not in this run: it is of the files as saved (Ctrl+S saves them as a new revision)");
        assertThat(sample.store.cases(run.runIdProperty().get())).isNotEmpty()
                .allSatisfy(c -> assertThat(c.versions().promptRevision()).isEqualTo(4));
    }

    /** Runs the safety suite, then edits the prompt's text as an editor outside the workbench would: same revision. */
    private RunProgress runThenEditThePrompt(RunLauncherViewModel vm) throws Exception {
        vm.chosenSuites().setAll("safety");
        RunProgress first = vm.run();
        Path prompt = sample.workspace.resolve("prompts/triage.yaml");
        java.nio.file.Files.writeString(prompt, java.nio.file.Files.readString(prompt)
                .replace("Take order ids from the ticket text only", "Take order ids from the ticket only"));
        return first;
    }

    /**
     * A prompt and a dataset both changed under their old revision and version: one status line says both, the
     * prompt first (the first warning used to be the only one).
     */
    @Test
    void aChangedPromptAndAChangedEvalSetAreBothInTheWarning() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        RunProgress first = runThenEditThePrompt(vm);
        Path probes = sample.workspace.resolve("datasets/probes.jsonl");
        java.nio.file.Files.writeString(probes, java.nio.file.Files.readString(probes)
                .replaceFirst("Confirm with action refund\\.", "Confirm with the action refund."));
        vm.setWorkspace(dev.evalbench.core.service.Components.loadChecked(sample.workspace, Map.of()));
        List<String> status = new ArrayList<>();
        vm.problemProperty().addListener((o, was, now) -> status.add(now));

        vm.run();

        String id = first.runIdProperty().get();
        assertThat(status).containsExactly("Warning: prompts/triage.yaml: its text differs from the one run " + id
                + " used, but both say revision 4; give the new text revision 5 and a changelog line, so the history, "
                + "reports and comparisons tell them apart; and datasets/probes.jsonl: its cases differ from the ones "
                + "run " + id + " read, but suite safety says version 2026.11.1 for both; give the suite a new version "
                + "in evalbench.yaml, so the history, reports and comparisons tell the two eval sets apart");
    }

    /** A run that ends before its first count shows a still, empty bar (-1 is JavaFX's moving "busy" bar). */
    @Test
    void aRunThatFailsBeforeItsFirstCountLeavesAStillBar() {
        RunProgress run = new RunProgress();
        assertThat(run.fractionProperty().get()).isNegative();

        run.ended(RunProgress.State.FAILED, null, "the history could not be opened");

        assertThat(run.fractionProperty().get()).isZero();
        assertThat(run.textProperty().get()).isEqualTo("failed: the history could not be opened");
    }

    /**
     * A route that never answers (its server down): the run ends incomplete, as `evalbench run`'s outage (exit 3),
     * and the run bar says so in its words. It said "cancelled", which nobody had asked for.
     */
    @Test
    void aRunWhoseRouteNeverAnswersEndsAsAnOutageNotACancellation() throws Exception {
        Map<String, String> env = SampleHistory.addRouteDown(sample.workspace);
        RunLauncherViewModel vm = new RunLauncherViewModel(new SameThreadTaskRunner(), () -> sample.store,
                () -> sample.workspace, new RunService(Clock.systemUTC(), env));
        vm.setWorkspace(dev.evalbench.core.service.Components.loadChecked(sample.workspace, env));
        vm.chosenRoutes().setAll("down");
        vm.chosenSuites().setAll("safety");

        RunProgress run = vm.run();

        assertThat(run.stateProperty().get()).isEqualTo(RunProgress.State.OUTAGE);
        assertThat(run.textProperty().get())
                .startsWith("incomplete, no answer from the model (Resume is in its results tab): 32 / 32");
        assertThat(sample.store.run(run.runIdProperty().get()).orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);
    }

    @Test
    void aCancelledRunIsStoredIncompleteAndResumingFinishesIt() throws Exception {
        RunLauncherViewModel vm = launcher(new SameThreadTaskRunner());
        vm.chosenRoutes().setAll("offline-live");
        vm.chosenSuites().setAll("safety");
        vm.concurrencyProperty().set(2);
        vm.currentProperty().addListener((o, was, run) -> run.fractionProperty().addListener((p, before, now) -> {
            if (now.doubleValue() > 0) run.cancel();
        }));
        RunProgress cancelled = vm.run();
        assertThat(cancelled.stateProperty().get()).isEqualTo(RunProgress.State.CANCELLED);
        String id = cancelled.runIdProperty().get();
        assertThat(sample.store.run(id).orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);
        int kept = sample.store.summaries(id).size();
        assertThat(kept).isPositive().isLessThan(32);
        assertThat(cancelled.textProperty().get()).startsWith("cancelled (Resume is in its results tab)");

        // Edited since, and the window's workspace read again: the resume runs the recorded files and says so.
        Path routes = sample.workspace.resolve("routes.yaml");
        java.nio.file.Files.writeString(routes, java.nio.file.Files.readString(routes) + "# edited after the run\n");
        RunLauncherViewModel again = launcher(new SameThreadTaskRunner());
        again.setWorkspace(dev.evalbench.core.service.Components.loadChecked(sample.workspace, Map.of()));
        List<String> status = new ArrayList<>();
        again.problemProperty().addListener((o, was, now) -> status.add(now));
        RunProgress resumed = again.resume(id);
        assertThat(status).contains("Warning: routes.yaml changed since run " + id + " started: resume runs its cases on"
                + " the files as the run recorded them (a new run uses the edits)");
        assertThat(resumed.stateProperty().get()).isEqualTo(RunProgress.State.COMPLETE);
        assertThat(resumed.runIdProperty().get()).isEqualTo(id);
        assertThat(sample.store.run(id).orElseThrow().status()).isEqualTo(RunStatus.COMPLETE);
        assertThat(sample.store.summaries(id)).hasSize(32);
    }

    @Test
    void aSecondRunGoesAlongsideTheFirstAndNeitherTouchesTheOther() throws Exception {
        try (ThreadedRunner runner = new ThreadedRunner()) {
            RunLauncherViewModel vm = launcher(runner);
            RunProgress[] runs = new RunProgress[2];
            runner.ui(() -> {
                vm.chosenRoutes().setAll("offline-live");
                vm.chosenSuites().setAll("safety");
                runs[0] = vm.run();
                vm.chosenRoutes().setAll("offline");
                vm.chosenSuites().clear();
                runs[1] = vm.run();
                assertThat(vm.goingProperty().get()).as("going while its runs go (the run bar's timer ticks)").isTrue();
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (runner.read(() -> ended.size()) < 2 && System.nanoTime() < deadline) Thread.sleep(50);
            runner.ui(() -> {
                assertThat(runs[0].stateProperty().get()).as(runs[0].textProperty().get()).isEqualTo(RunProgress.State.COMPLETE);
                assertThat(runs[1].stateProperty().get()).as(runs[1].textProperty().get()).isEqualTo(RunProgress.State.COMPLETE);
                assertThat(vm.goingProperty().get()).as("nothing goes once both ended (the timer stops)").isFalse();
            });
            String first = runner.read(() -> runs[0].runIdProperty().get());
            String second = runner.read(() -> runs[1].runIdProperty().get());
            assertThat(first).isNotEqualTo(second);
            assertThat(sample.store.summaries(first)).hasSize(32).allMatch(s -> s.key().route().equals("offline-live"));
            assertThat(sample.store.summaries(second)).hasSize(159).allMatch(s -> s.key().route().equals("offline"));
        }
    }

    /** Task bodies on a pool, callbacks on one "UI" thread, as the real runner does with the FX thread. */
    private static final class ThreadedRunner implements TaskRunner {
        private final ExecutorService pool = Executors.newFixedThreadPool(4);
        private final ExecutorService ui = Executors.newSingleThreadExecutor();

        @Override
        public <T> void execute(BackgroundTask<T> task) {
            pool.execute(() -> {
                try {
                    T result = BackgroundTasks.body(task).call();
                    ui.execute(() -> BackgroundTasks.success(task).accept(result));
                } catch (Exception e) {
                    ui.execute(() -> BackgroundTasks.failure(task).accept(e));
                }
            });
        }

        @Override
        public void onUi(Runnable body) {
            ui.execute(body);
        }

        void ui(Runnable body) throws Exception {
            ui.submit(body).get(60, TimeUnit.SECONDS);
        }

        <T> T read(java.util.concurrent.Callable<T> body) throws Exception {
            return ui.submit(body).get(60, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            pool.shutdownNow();
            ui.shutdownNow();
        }
    }
}
