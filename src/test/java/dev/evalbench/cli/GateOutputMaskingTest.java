package dev.evalbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evalbench.core.gate.GateReport;
import dev.evalbench.core.gate.testkit.CaseRecordBuilder;
import dev.evalbench.core.gate.testkit.Fixtures;
import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.RunCases;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.secret.KeyScrubber;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's outputs are masked as far as they print texts: the table masks the run's events (it prints no case
 * text) and builds no mask when there are none; the JUnit file quotes failing cases and masks them.
 */
class GateOutputMaskingTest {
    private static final String SECRET = "ana@example.com";

    private final AtomicInteger masksBuilt = new AtomicInteger();
    private final GateOutput.MaskSource masks = () -> {
        masksBuilt.incrementAndGet();
        return new OutboundMask(Map.of("t1", List.of(SECRET)), Map.of(), KeyScrubber.of(List.of()));
    };

    private static RunCases run(List<RunEvent> events) {
        StoredRun run = Fixtures.run("run-1", List.of(CaseRecordBuilder.of("triage", "t1")
                .output("{\"category\":\"billing\",\"action\":\"reply\"}").expected("category", "billing")
                .failed("category", "the reply names " + SECRET)));
        return new RunCases(run.header(), List.copyOf(run.cases()), events);
    }

    @TempDir Path tmp;

    private String emit(RunCases run, Path junit) throws Exception {
        GateOutputOptions options = new GateOutputOptions();
        options.junit = junit;
        StringWriter out = new StringWriter();
        GateOutput.emit(new GateReport(run.id(), null, List.of()), masks, run, null, options, new PrintWriter(out),
                new PrintWriter(new StringWriter()), Map.of());
        return out.toString();
    }

    @Test
    void theTableMasksTheEventsItPrints() throws Exception {
        String table = emit(run(List.of(new RunEvent(Instant.EPOCH, "outage", "offline", "the provider echoed " + SECRET))), null);

        assertThat(table).contains("event: outage the provider echoed").doesNotContain(SECRET);
        assertThat(masksBuilt).hasValue(1);
    }

    @Test
    void aTableWithoutEventsBuildsNoMask() throws Exception {
        String table = emit(run(List.of()), null);

        assertThat(table).contains("run run-1").doesNotContain(SECRET);
        assertThat(masksBuilt).hasValue(0);
    }

    @Test
    void theJunitFileMasksTheCasesItQuotes() throws Exception {
        RunCases run = run(List.of());
        Path junit = tmp.resolve("junit.xml");
        emit(run, junit);

        assertThat(run.cases().get(0).failures()).anyMatch(f -> f.contains(SECRET));
        assertThat(Files.readString(junit)).contains("the reply names").doesNotContain(SECRET);
        assertThat(masksBuilt).hasValue(1);
    }
}
