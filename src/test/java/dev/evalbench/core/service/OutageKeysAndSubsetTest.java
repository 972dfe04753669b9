package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.GateVerdict;
import dev.evalbench.core.provider.ModelResponse;
import dev.evalbench.core.provider.ProviderException;
import dev.evalbench.core.provider.ProviderFactory;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.FailureKind;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.route.ProviderRegistry;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunEngine;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.run.WorkerPools;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What RunService and GateService decide about a run as a whole: a run in which the model answered no case is an
 * outage (incomplete; resume retries exactly the unanswered cases), an unset key variable stops a run before
 * anything is written, and gates of suites a run did not include are "not run" and do not fail.
 */
class OutageKeysAndSubsetTest {
    @TempDir
    Path tmp;

    ServiceWorkspace fixture;
    final AtomicBoolean down = new AtomicBoolean();
    /** When set, the third call to the model cancels it, as a user pressing Stop while that call is out. */
    volatile Cancellation cancelAtThirdCall;
    final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    @BeforeEach
    void setUp() {
        fixture = new ServiceWorkspace(tmp.resolve("ws"));
    }

    private RunService service(Map<String, String> env) {
        ProviderFactory switchable = (route, ws, e) -> request -> {
            if (cancelAtThirdCall != null && calls.incrementAndGet() == 3) {
                cancelAtThirdCall.cancel();
                throw new ProviderException(FailureKind.CANCELLED, "route " + route.name() + ": cancelled");
            }
            if (down.get()) throw new ProviderException(FailureKind.CLIENT_ERROR, "route " + route.name() + ": 401 from the test server");
            return new ModelResponse(ServiceWorkspace.ANSWER, route.model(), 50, 20, 5, "req");
        };
        WorkerPools oneThread = (id, threads) -> Executors.newSingleThreadExecutor();
        return new RunService(Clock.systemUTC(), env, ProviderRegistry.builtIn().with("ollama", switchable), oneThread);
    }

    @Test
    void aRunWithNoAnswerIsAnOutageAndResumeRetriesOnlyTheUnansweredCases() throws Exception {
        Workspace ws = Components.loadChecked(fixture.dir, Map.of());
        RunConfig config = new RunConfig(List.of("fake"), List.of(), 1, 1, "off");
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            down.set(true);
            RunHeader outage = service(Map.of()).run(ws, fixture.dir, config, store, RunListener.NONE, new Cancellation());
            assertThat(outage.status()).as("every call failed: the run measured the outage").isEqualTo(RunStatus.INCOMPLETE);
            assertThat(store.cases(outage.id())).hasSize(5).allSatisfy(c -> assertThat(c.failureKind()).isNotNull());
            assertThat(store.events(outage.id())).anySatisfy(e -> assertThat(e.kind()).isEqualTo(RunEngine.OUTAGE));

            down.set(false);
            RunHeader resumed = service(Map.of()).resume(outage.id(), fixture.dir, store, null, RunListener.NONE, new Cancellation());
            assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(store.cases(resumed.id())).hasSize(5).allSatisfy(c -> assertThat(c.failureKind()).isNull());
        }
    }

    @Test
    void resumeNeverRetriesAnAnsweredCase() throws Exception {
        Workspace ws = Components.loadChecked(fixture.dir, Map.of());
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            Cancellation cancel = new Cancellation();
            cancelAtThirdCall = cancel;
            RunHeader partial = service(Map.of()).run(ws, fixture.dir, new RunConfig(List.of("fake"), List.of(), 1, 1, "off"),
                    store, RunListener.NONE, cancel);
            cancelAtThirdCall = null;
            assertThat(partial.status()).isEqualTo(RunStatus.INCOMPLETE);
            Map<String, String> answered = store.cases(partial.id()).stream()
                    .collect(Collectors.toMap(c -> c.key().toString(), CaseRecord::traceId));
            assertThat(answered).hasSize(2);

            down.set(true); // the rest fail, but two cases were answered: not an outage, and the answers stay
            RunHeader resumed = service(Map.of()).resume(partial.id(), fixture.dir, store, null, RunListener.NONE, new Cancellation());
            assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETE);
            for (CaseRecord c : store.cases(partial.id())) {
                if (answered.containsKey(c.key().toString())) assertThat(c.traceId()).isEqualTo(answered.get(c.key().toString()));
            }
        }
    }

    @Test
    void anUnsetKeyVariableIsARequestErrorBeforeAnythingIsWritten() throws Exception {
        Files.writeString(fixture.dir.resolve("routes.yaml"), "  keyed:\n    provider: ollama\n    model: m\n"
                + "    base_url: http://127.0.0.1:9\n    api_key_env: EVALBENCH_TEST_KEY\n", StandardOpenOption.APPEND);
        Workspace ws = Components.loadChecked(fixture.dir, Map.of());
        RunConfig config = new RunConfig(List.of("keyed"), List.of(), 1, 1, "off");

        RequestException e = catchThrowableOfType(() -> service(Map.of()).check(ws, config), RequestException.class);
        assertThat(e.field()).isEqualTo("route");
        assertThat(e.reason()).contains("keyed").contains("EVALBENCH_TEST_KEY").contains("not set");
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            catchThrowableOfType(() -> service(Map.of()).run(ws, fixture.dir, config, store, RunListener.NONE, new Cancellation()),
                    RequestException.class);
            assertThat(store.runs(10)).as("no run recorded").isEmpty();
        }
        service(Map.of("EVALBENCH_TEST_KEY", "k")).check(ws, config); // set: accepted
    }

    @Test
    void gatesOfSuitesTheRunSkippedAreNotRunAndDoNotFail() throws Exception {
        Workspace ws = Components.loadChecked(fixture.dir, Map.of());
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader safetyOnly = service(Map.of()).run(ws, fixture.dir, new RunConfig(List.of("fake"), List.of("safety"), 1, 1, "off"),
                    store, RunListener.NONE, new Cancellation());
            GateReport report = new GateService().gateStored(store, safetyOnly.id(), ws, null).report();
            Map<String, GateVerdict> byId = report.verdicts().stream().collect(Collectors.toMap(GateVerdict::id, v -> v));

            for (String triage : Set.of("category-accuracy", "action-vs-baseline")) {
                assertThat(byId.get(triage).ran()).as(triage).isFalse();
                assertThat(byId.get(triage).passed()).as(triage).isTrue();
                assertThat(byId.get(triage).detail()).contains("Not run").contains("triage");
            }
            assertThat(byId.get("safety").ran()).isTrue();
            assertThat(byId.get("schema").ran()).as("a gate over every case applies to any run").isTrue();
        }
    }

    @Test
    void withRepeatTheTokensGateCountsTokensPerPass() throws Exception {
        Workspace ws = Components.loadChecked(fixture.dir, Map.of());
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader twice = service(Map.of()).run(ws, fixture.dir, new RunConfig(List.of("fake"), List.of(), 2, 1, "off"),
                    store, RunListener.NONE, new Cancellation());
            List<CaseRecord> samples = store.cases(twice.id());
            assertThat(samples).hasSize(10);
            long all = samples.stream().mapToLong(c -> c.tokensIn() + c.tokensOut()).sum();
            GateVerdict tokens = new GateService().gateStored(store, twice.id(), ws, null).report().verdicts().stream()
                    .filter(v -> v.id().equals("tokens")).findFirst().orElseThrow();
            assertThat(tokens.value()).isEqualTo(all / 2.0);
            assertThat(tokens.detail()).contains("per pass");
        }
    }
}
