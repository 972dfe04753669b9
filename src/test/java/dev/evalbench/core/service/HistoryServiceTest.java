package dev.evalbench.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.evalbench.core.record.RunConfig;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.run.Cancellation;
import dev.evalbench.core.run.RunListener;
import dev.evalbench.core.store.RunStore;
import dev.evalbench.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening, listing, tagging and resolving over a real SQLite history. */
class HistoryServiceTest {
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
    void openingAMissingHistoryForReadingIsARequestErrorAndCreatesNothing() {
        Path db = tmp.resolve("typo.db");
        RequestException e = catchThrowableOfType(() -> HistoryService.openExisting(fixture.dir, db), RequestException.class);

        assertThat(e.field()).isEqualTo("db");
        assertThat(e.value()).isEqualTo(db.toString());
        assertThat(e.reason()).isEqualTo("no run history here");
        assertThat(db).doesNotExist();
        assertThat(fixture.dir.resolve(".evalbench")).doesNotExist();
    }

    @Test
    void openingForWritingCreatesTheDefaultHistoryAndReadingFindsIt() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            assertThat(new HistoryService(store).list(10)).isEmpty();
        }
        assertThat(HistoryService.dbFile(fixture.dir, null)).isRegularFile();
        try (RunStore again = HistoryService.openExisting(fixture.dir, null)) {
            assertThat(again.runs(1)).isEmpty();
        }
    }

    @Test
    void listTagAndResolve() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            RunHeader run = fixture.runService().run(ws, fixture.dir, new RunConfig(List.of("fake"), List.of("triage"), 1, 2, "off"),
                    store, RunListener.NONE, new Cancellation());
            HistoryService history = new HistoryService(store);

            assertThat(history.list(10)).singleElement().satisfies(l -> {
                assertThat(l.header().id()).isEqualTo(run.id());
                assertThat(l.casesStored()).isEqualTo(3);
            });
            assertThat(history.tag("latest", "main").id()).isEqualTo(run.id());
            assertThat(history.resolve("main").id()).isEqualTo(run.id());
            assertThat(history.list(1).get(0).header().tags()).containsExactly("main");

            RequestException unknown = catchThrowableOfType(() -> history.resolve("nope"), RequestException.class);
            assertThat(unknown.field()).isEqualTo("run");
            assertThat(unknown.reason()).isEqualTo(RunLookup.NOT_FOUND + "\"nope\"").doesNotContain("evalbench");
        }
    }

    @Test
    void badTagNamesAreRefusedBeforeTheStoreIsTouched() throws Exception {
        try (RunStore store = HistoryService.openForWriting(fixture.dir, null)) {
            HistoryService history = new HistoryService(store);
            for (String bad : List.of("latest", "has space", "", "x".repeat(101))) {
                RequestException e = catchThrowableOfType(() -> history.tag("nope", bad), RequestException.class);
                assertThat(e.field()).as(bad).isEqualTo("tag");
                assertThat(e.reason()).contains("is not allowed");
            }
        }
        assertThat(Files.exists(HistoryService.dbFile(fixture.dir, null))).isTrue();
    }
}
