package dev.evalbench.core.report.model;

import dev.evalbench.core.mask.OutboundMask;
import dev.evalbench.core.record.CaseKey;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.CaseSummary;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.VersionTuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A run as a report shows it, gathered from its masked records one at a time ({@link Builder}) so that a
 * report never holds every record: its header and events, how many cases it has and how many failed, the full
 * records of its first {@value #FAILING_KEPT} failing cases in key order ({@link CaseKey#ORDER}: the same cases,
 * in the same order, however the run's workers happened to finish them; report.json shows 100 of them,
 * report.html 200),
 * the numbers of {@link RunSummary}, the summaries of the cases judges scored (all that judge agreement reads),
 * how many values its texts show masked, the distinct version tuples its cases recorded (in order of first
 * appearance), the exact bytes of the records file that holds every record (report-cases.jsonl.gz), and the routes
 * none of whose cases got an answer (whose gates, in an incomplete run, measured their outage).
 * Immutable; {@code casesFile} is not copied, and must not be changed by whoever hands it in.
 */
public record ReportedRun(RunHeader header, List<RunEvent> events, int count, int failing, List<CaseRecord> failingShown,
                          RunSummary summary, List<CaseSummary> judged, int maskedValues, List<VersionTuple> versions,
                          byte[] casesFile, Set<String> routesAnsweringNone) {
    /** The file beside report.json that holds every record of the run, bound by its digest. */
    public static final String CASES_FILE = "report-cases.jsonl.gz";

    /** How many failing records are kept in full: as many as the report's longest list of them shows. */
    public static final int FAILING_KEPT = 200;
    private static final Comparator<CaseRecord> BY_KEY = Comparator.comparing(CaseRecord::key, CaseKey.ORDER);
    private static final Comparator<CaseRecord> LAST_BY_KEY = BY_KEY.reversed();

    /** Which of its gates measured an outage (all of them, or a dead route's), as every table of the report words them. */
    public dev.evalbench.core.gate.ci.UnansweredGates unanswered() {
        return dev.evalbench.core.gate.ci.UnansweredGates.of(header.status(), events, routesAnsweringNone);
    }

    public ReportedRun {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(casesFile, "casesFile");
        events = events == null ? null : List.copyOf(events);
        failingShown = List.copyOf(failingShown);
        judged = List.copyOf(judged);
        versions = List.copyOf(versions);
        routesAnsweringNone = Set.copyOf(routesAnsweringNone);
    }

    public String id() {
        return header.id();
    }

    /**
     * Gathers a {@link ReportedRun} from masked records given in stored order. Keeps a few numbers a case, the
     * first failing records by key and the judged cases' summaries; not thread-safe (one writer feeds it).
     */
    public static final class Builder {
        private final RunHeader header;
        private final List<RunEvent> events;
        private final List<RunSummary.Counted> counted = new ArrayList<>();
        /** The failing records kept so far, the last by key order on top, so it is the one a smaller key replaces. */
        private final PriorityQueue<CaseRecord> failingShown = new PriorityQueue<>(FAILING_KEPT + 1, LAST_BY_KEY);
        private final List<CaseSummary> judged = new ArrayList<>();
        private final Set<VersionTuple> versions = new LinkedHashSet<>();
        private int failing;
        private int maskedValues;
        /** The routes the records were planned for, and those of them that answered one. */
        private final Set<String> routes = new java.util.TreeSet<>();
        private final Set<String> answering = new java.util.TreeSet<>();

        /** @param events the run's events, masked (null stays null) */
        public Builder(RunHeader header, List<RunEvent> events) {
            this.header = Objects.requireNonNull(header, "header");
            this.events = events;
        }

        /** Counts one masked record; keeps it only while fewer than {@link #FAILING_KEPT} failing ones are kept. */
        public void add(CaseRecord masked) {
            counted.add(RunSummary.Counted.of(masked));
            if (!masked.passed()) {
                failing++;
                failingShown.add(masked);
                if (failingShown.size() > FAILING_KEPT) failingShown.poll();
            }
            if (!masked.judgements().isEmpty()) judged.add(CaseSummary.of(masked));
            maskedValues += OutboundMask.maskedCount(masked);
            if (masked.versions() != null) versions.add(masked.versions());
            routes.add(masked.key().route());
            if (masked.failureKind() == null) answering.add(masked.key().route());
        }

        /** The run as gathered, with the exact bytes of the file its records were written to. */
        public ReportedRun build(byte[] casesFile) {
            List<CaseRecord> shown = new ArrayList<>(failingShown);
            shown.sort(BY_KEY);
            Set<String> answeringNone = new java.util.TreeSet<>(routes);
            answeringNone.removeAll(answering);
            answeringNone.addAll(dev.evalbench.core.record.RoutePasses.neverStored(header, events, routes));
            return new ReportedRun(header, events, counted.size(), failing, shown, RunSummary.of(counted),
                    judged, maskedValues, new ArrayList<>(versions), casesFile, answeringNone);
        }
    }
}
