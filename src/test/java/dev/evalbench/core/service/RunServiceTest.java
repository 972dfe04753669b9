package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.RunStatus;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RunService through its own API: a fake provider kind from the registry, an injected executor, real SQLite. */
class RunServiceTest {
    @TempDir
    Path tmp;

    ServiceWorkspace fixture;
    Workspace ws;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new ServiceWorkspace(tmp.resolve("ws"));
        ws = Components.loadChecked(fixture.dir, Map.of());
    }

    @Test
    void aRunOnAFakeProviderKindStoresEveryCaseOnTheInjectedWorkers() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader header = fixture.runService().run(ws, fixture.dir,
                    new RunConfig(List.of("fake"), List.of(), 1, 4, "off"), store, RunListener.NONE, new Cancellation());

            assertThat(header.status()).isEqualTo(RunStatus.COMPLETE);
            List<CaseSummary> cases = store.summaries(header.id());
            assertThat(cases).hasSize(5).allSatisfy(c -> {
                assertThat(c.routeUsed()).isEqualTo("fake");
                assertThat(c.modelUsed()).isEqualTo("fake-1");
                assertThat(c.errored()).isFalse();
            });
            assertThat(cases).filteredOn(c -> c.key().caseId().equals("t001")).singleElement()
                    .satisfies(c -> assertThat(c.passed()).isTrue());
            assertThat(fixture.callThreads).hasSize(5).containsOnly("test-worker");
        }
    }

    @Test
    void anUnknownRouteIsARequestErrorNamingTheFieldAndNothingIsWritten() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RequestException e = catchThrowableOfType(() -> fixture.runService().run(ws, fixture.dir,
                    new RunConfig(List.of("gpt-9"), List.of(), 1, 1, "off"), store, RunListener.NONE, new Cancellation()),
                    RequestException.class);

            assertThat(e.field()).isEqualTo("route");
            assertThat(e.reason()).startsWith("unknown route \"gpt-9\"").contains("fake").doesNotContain("--");
            assertThat(store.runs(10)).isEmpty();
        }
    }

    @Test
    void zeroRepeatsAndZeroConcurrencyNameTheirFields() {
        RequestException repeat = catchThrowableOfType(() -> RunService.checkConfig(ws,
                new RunConfig(List.of("fake"), List.of(), 0, 1, "off")), RequestException.class);
        RequestException suite = catchThrowableOfType(() -> RunService.checkConfig(ws,
                new RunConfig(List.of("fake"), List.of("nope"), 1, 1, "off")), RequestException.class);
        RequestException concurrency = catchThrowableOfType(() -> RunService.checkConfig(ws,
                new RunConfig(List.of("fake"), List.of(), 1, 0, "off")), RequestException.class);

        assertThat(List.of(repeat.field(), suite.field(), concurrency.field())).containsExactly("repeat", "suite", "concurrency");
        assertThat(suite.reason()).as("names the valid suites").isEqualTo("unknown suite \"nope\" (suites: triage, safety)");
    }

    @Test
    void resumingACompleteRunIsARequestErrorOnTheRunField() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunService service = fixture.runService();
            RunHeader done = service.run(ws, fixture.dir, new RunConfig(List.of("fake"), List.of("safety"), 1, 1, "off"),
                    store, RunListener.NONE, new Cancellation());

            RequestException e = catchThrowableOfType(() -> service.resume(done.id(), fixture.dir, store, null,
                    RunListener.NONE, new Cancellation()), RequestException.class);

            assertThat(e.field()).isEqualTo("run");
            assertThat(e.value()).isEqualTo(done.id());
            assertThat(e.reason()).isEqualTo("run " + done.id() + " is already complete: nothing to resume");
        }
    }
}
