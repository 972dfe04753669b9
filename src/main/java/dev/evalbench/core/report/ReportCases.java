package dev.evalbench.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evalbench.core.json.Json;
import dev.evalbench.core.record.CaseRecord;
import dev.evalbench.core.record.RunEvent;
import dev.evalbench.core.record.RunHeader;
import dev.evalbench.core.record.StoredRun;
import dev.evalbench.core.report.model.ReportedRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * {@value #FILE}: every full case record of a reported run, one JSON object a line, gzip-compressed, written
 * next to report.json. report.json binds it by SHA-256 and count (see {@link ReportJson}) instead of embedding
 * 100,000 records, so a reviewer's file stays the size of what they read while the records stay available,
 * tamper-evident, to {@code --baseline report.json}. The bytes depend only on the records (gzip's header time
 * is zero), so the same run always gives the same file and digest.
 *
 * <p>A {@link ReportCases} is fed a run's masked records one at a time, in stored order: each is compressed into
 * the file's bytes as it comes and then dropped, apart from what {@link ReportedRun.Builder} keeps, so a report
 * of 100,000 cases holds the compressed file (about 1/20 of the JSON) and not the records. Not thread-safe:
 * one thread feeds it, then calls {@link #finish()} once.
 */
public final class ReportCases {
    public static final String FILE = ReportedRun.CASES_FILE;

    /** One writer for every line: no flush after each record (the bytes go to memory), no separator of its own. */
    private static final ObjectWriter LINE = Json.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private final GZIPOutputStream gzip;
    private final JsonGenerator json;
    private final ReportedRun.Builder run;

    /** @param events the run's events, masked (null stays null) */
    public ReportCases(RunHeader header, List<RunEvent> events) {
        try {
            this.gzip = new FastGzip(bytes);
            this.json = Json.MAPPER.getFactory().createGenerator(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException("opening a gzip stream in memory failed", e);
        }
        json.setRootValueSeparator(null);
        this.run = new ReportedRun.Builder(header, events);
    }

    /** Writes one masked record as the next line and counts it. */
    public void add(CaseRecord masked) {
        try {
            LINE.writeValue(json, masked);
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing a record to memory failed", e);
        }
        run.add(masked);
    }

    /** The run as written, holding the file's finished bytes. */
    public ReportedRun finish() {
        try {
            json.close();
            gzip.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing a gzip stream in memory failed", e);
        }
        return run.build(bytes.toByteArray());
    }

    /** The run's masked records written through a {@link ReportCases}. */
    public static ReportedRun of(StoredRun masked) {
        ReportCases cases = new ReportCases(masked.header(), masked.events());
        masked.cases().forEach(cases::add);
        return cases.finish();
    }

    /** The exact bytes of {@value #FILE} for these records. */
    public static byte[] bytes(StoredRun run) {
        return of(run).casesFile();
    }

    /** gzip at the fastest level: the records compress about 8:1 either way, and speed is what a CI run waits on. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
